import { buttonDanger, buttonPrimary, inputClass, labelClass } from "@/components/ui/button-styles";
import { errorFor, FieldError, inputName } from "@/components/ui/field-error";
import { FormDialogActions } from "@/components/ui/form-dialog-actions";
import type { FormFieldError } from "@/lib/actions/result";
import { OneTimePassword } from "./one-time-password";
import type { RowUser } from "./user-row-actions";

type Props = {
  user: RowUser;
  /** Prefix of the field's ids, unique on the page. */
  fieldId: string;
  errors: FormFieldError[];
  /** The user edited a field: its error, about the value sent, no longer applies. */
  onFieldInput: (field: string) => void;
  message: string | null;
  pending: boolean;
  /** The password the server generated, once it has: shown instead of the form. */
  generated: string | null;
  /** An empty password asks the server to generate one. */
  onReset: (password: string) => void;
  onClose: () => void;
};

/** The Reset password dialog's body: the form, then the generated password if there is one. */
export function ResetPasswordForm(props: Props) {
  const { user, fieldId, errors, message, pending, generated, onReset, onClose, onFieldInput } =
    props;
  const error = errorFor(errors, "password");
  if (generated) {
    return (
      <div className="space-y-4">
        <OneTimePassword email={user.email} password={generated} reset />
        <div className="flex justify-end">
          <button type="button" className={buttonPrimary} onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    );
  }
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        onReset(String(new FormData(event.currentTarget).get("password") ?? ""));
      }}
      onInput={(event) => onFieldInput(inputName(event))}
    >
      <p className="text-sm text-slate-700">
        Their sessions end at once; they sign in again with the new password.
      </p>
      <div>
        <label htmlFor={`${fieldId}-password`} className={labelClass}>
          New password <span className="font-normal text-slate-600">(optional)</span>
        </label>
        <input
          id={`${fieldId}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${fieldId}-password-hint${error ? ` ${fieldId}-password-error` : ""}`}
        />
        <p id={`${fieldId}-password-hint`} className="mt-1 text-xs text-slate-600">
          Leave empty to generate one, shown once.
        </p>
        <FieldError id={`${fieldId}-password-error`} message={error} />
      </div>
      <FormDialogActions
        message={message}
        onCancel={onClose}
        pending={pending}
        submitLabel="Reset password"
        pendingLabel="Resetting…"
        submitClassName={buttonDanger}
      />
    </form>
  );
}

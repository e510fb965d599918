import { buttonPrimary, inputClass, labelClass } from "@/components/ui/button-styles";
import { errorFor, FieldError, inputName } from "@/components/ui/field-error";
import { FormDialogActions } from "@/components/ui/form-dialog-actions";
import type { FormFieldError } from "@/lib/actions/result";
import { RoleOptions } from "./role-options";
import { EMAIL_MAX, FULL_NAME_MAX } from "@/lib/validation/user-limits";
import type { RowUser } from "./user-row-actions";

export type EditedUser = { email?: string; full_name: string; role: string };

type Props = {
  user: RowUser;
  isSelf: boolean;
  /** Prefix of the fields' ids, unique on the page. */
  fieldId: string;
  errors: FormFieldError[];
  /** The user edited a field: its error, about the value sent, no longer applies. */
  onFieldInput: (field: string) => void;
  message: string | null;
  pending: boolean;
  onSave: (values: EditedUser) => void;
  onCancel: () => void;
};

/** The Edit dialog's form: name, email and role (not one's own email or role), in Create's order. */
export function EditUserForm(props: Props) {
  const { user, isSelf, fieldId, errors, message, pending, onSave, onCancel, onFieldInput } = props;
  const emailError = errorFor(errors, "email");
  const nameError = errorFor(errors, "full_name");
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        // One's own email is not theirs to change here: not sent, so never judged as a change.
        onSave({
          ...(isSelf ? {} : { email: String(data.get("email") ?? "") }),
          full_name: String(data.get("full_name") ?? ""),
          role: String(data.get("role") ?? user.role),
        });
      }}
      onInput={(event) => onFieldInput(inputName(event))}
    >
      <div>
        <label htmlFor={`${fieldId}-name`} className={labelClass}>
          Full name
        </label>
        <input
          id={`${fieldId}-name`}
          name="full_name"
          defaultValue={user.full_name}
          required
          maxLength={FULL_NAME_MAX}
          className={inputClass}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${fieldId}-name-error` : undefined}
        />
        <FieldError id={`${fieldId}-name-error`} message={nameError} />
      </div>
      <div>
        <label htmlFor={`${fieldId}-email`} className={labelClass}>
          Email
        </label>
        <input
          id={`${fieldId}-email`}
          name="email"
          type="email"
          defaultValue={user.email}
          readOnly={isSelf}
          required
          maxLength={EMAIL_MAX}
          autoComplete="off"
          className={`${inputClass} read-only:bg-slate-100`}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={`${fieldId}-email-hint${emailError ? ` ${fieldId}-email-error` : ""}`}
        />
        <p id={`${fieldId}-email-hint`} className="mt-1 text-xs text-slate-600">
          {isSelf
            ? "You cannot change your own sign-in email: another admin must do it."
            : "They sign in with it; their sessions and password stay."}
        </p>
        <FieldError id={`${fieldId}-email-error`} message={emailError} />
      </div>
      <div>
        <label htmlFor={`${fieldId}-role`} className={labelClass}>
          Role
        </label>
        <select
          id={`${fieldId}-role`}
          name="role"
          defaultValue={user.role}
          disabled={isSelf}
          aria-describedby={`${fieldId}-role-hint`}
          className={inputClass}
        >
          <RoleOptions />
        </select>
        <p id={`${fieldId}-role-hint`} className="mt-1 text-xs text-slate-600">
          {isSelf
            ? "You cannot change your own role: another admin must do it."
            : "A role change signs them out everywhere; they sign in again with the new role."}
        </p>
      </div>
      <FormDialogActions
        message={message}
        onCancel={onCancel}
        pending={pending}
        submitLabel="Save"
        pendingLabel="Saving…"
        submitClassName={buttonPrimary}
      />
    </form>
  );
}

import { buttonSecondary } from "./button-styles";
import { PendingButton } from "@/components/ui/pending-button";

/** The foot of a form in a dialog: the server's refusal, if any, then Cancel and the submit button. */
export function FormDialogActions({
  message,
  onCancel,
  pending,
  submitLabel,
  pendingLabel,
  submitClassName,
}: {
  message: string | null;
  onCancel: () => void;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  submitClassName: string;
}) {
  return (
    <>
      {message ? (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonSecondary} onClick={onCancel}>
          Cancel
        </button>
        <PendingButton type="submit" className={submitClassName} pending={pending}>
          {pending ? pendingLabel : submitLabel}
        </PendingButton>
      </div>
    </>
  );
}

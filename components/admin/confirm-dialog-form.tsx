import type { ReactNode } from "react";
import { FormDialogActions } from "@/components/ui/form-dialog-actions";

type Props = {
  /** What the change does and what stays, said before it is made. */
  children: ReactNode;
  message: string | null;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  submitClassName: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * The body of an admin dialog that only asks to confirm: a form, so that Enter confirms and the
 * foot (the server's refusal, Cancel, the submit button) is the one every admin dialog uses.
 */
export function ConfirmDialogForm({ children, onConfirm, ...actions }: Props) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm();
      }}
      className="space-y-3"
    >
      {children}
      <FormDialogActions {...actions} />
    </form>
  );
}

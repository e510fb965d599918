import { buttonDanger } from "@/components/ui/button-styles";
import { FormDialogActions } from "@/components/ui/form-dialog-actions";

type Props = {
  message: string | null;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** The Sign out dialog's body: what ends, and what stays. */
export function UserSignOutConfirm({ message, pending, onConfirm, onCancel }: Props) {
  return (
    // A form, so that the dialog's foot is the one every admin dialog uses.
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm();
      }}
      className="space-y-3"
    >
      <p className="text-sm text-slate-700">
        Every browser session and API token of theirs stops working at once, on every device (a lost
        laptop, a token left in a script). Their password stays: they can sign in again at once. To
        keep someone out, reset their password or deactivate them instead.
      </p>
      <FormDialogActions
        message={message}
        onCancel={onCancel}
        pending={pending}
        submitLabel="Sign out everywhere"
        pendingLabel="Signing out…"
        submitClassName={buttonDanger}
      />
    </form>
  );
}

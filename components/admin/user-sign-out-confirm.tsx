import { buttonDanger } from "@/components/ui/button-styles";
import { ConfirmDialogForm } from "./confirm-dialog-form";

type Props = {
  message: string | null;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** The Sign out dialog's body: what ends, and what stays. */
export function UserSignOutConfirm(props: Props) {
  return (
    <ConfirmDialogForm
      {...props}
      submitLabel="Sign out everywhere"
      pendingLabel="Signing out…"
      submitClassName={buttonDanger}
    >
      <p className="text-sm text-slate-700">
        Every browser session and API token of theirs stops working at once, on every device (a lost
        laptop, a token left in a script). Their password stays: they can sign in again at once. To
        keep someone out, reset their password or deactivate them instead.
      </p>
    </ConfirmDialogForm>
  );
}

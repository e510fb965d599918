import Link from "next/link";
import { OPEN_STATUSES } from "@/components/tasks/labels";
import { buttonDanger, buttonPrimary } from "@/components/ui/button-styles";
import { ConfirmDialogForm } from "./confirm-dialog-form";
import type { RowUser } from "./user-row-actions";

type Props = {
  user: RowUser;
  message: string | null;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** The Deactivate / Reactivate dialog's body: what it does, and the open tasks that stay. */
export function UserActiveConfirm({ user, message, pending, onConfirm, onCancel }: Props) {
  return (
    <ConfirmDialogForm
      message={message}
      pending={pending}
      onConfirm={onConfirm}
      onCancel={onCancel}
      submitLabel={user.is_active ? "Deactivate" : "Reactivate"}
      pendingLabel="Working…"
      submitClassName={user.is_active ? buttonDanger : buttonPrimary}
    >
      <p className="text-sm text-slate-700">
        {user.is_active
          ? "They are signed out everywhere at once: every open browser session and API token stops working, and they cannot sign in. Their tasks and history stay as they are; you can reactivate them later."
          : "They can sign in again with their current password. Sessions ended at deactivation stay ended."}
      </p>
      {user.is_active && user.open_tasks > 0 ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {user.open_tasks} open task{user.open_tasks === 1 ? " is" : "s are"} assigned to them and
          will stay so.{" "}
          <Link
            href={`/tasks?assigned_to=${user.id}&status=${OPEN_STATUSES}`}
            className="font-medium underline"
          >
            Reassign {user.open_tasks === 1 ? "it" : "them"} first
          </Link>
        </p>
      ) : null}
    </ConfirmDialogForm>
  );
}

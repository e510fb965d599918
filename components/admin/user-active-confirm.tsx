import Link from "next/link";
import { OPEN_STATUSES } from "@/components/tasks/labels";
import { buttonDanger, buttonPrimary, buttonSecondary } from "@/components/ui/button-styles";
import { PendingButton } from "@/components/ui/pending-button";
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
    <>
      <p className="text-sm text-slate-700">
        {user.is_active
          ? "They are signed out everywhere at once: every open browser session and API token stops working, and they cannot sign in. Their tasks and history stay as they are; you can reactivate them later."
          : "They can sign in again with their current password. Sessions ended at deactivation stay ended."}
      </p>
      {user.is_active && user.open_tasks > 0 ? (
        <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
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
      {message ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {message}
        </p>
      ) : null}
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={buttonSecondary} onClick={onCancel}>
          Cancel
        </button>
        <PendingButton
          type="button"
          className={user.is_active ? buttonDanger : buttonPrimary}
          pending={pending}
          onClick={onConfirm}
        >
          {pending ? "Working…" : user.is_active ? "Deactivate" : "Reactivate"}
        </PendingButton>
      </div>
    </>
  );
}

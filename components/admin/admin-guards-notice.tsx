/** Why some buttons are missing: the rules the service enforces, said up front. */
export function AdminGuardsNotice() {
  return (
    <aside
      aria-label="Rules for user administration"
      className="mb-6 rounded-lg border border-brand-100 bg-brand-50 p-4 text-sm text-slate-800"
    >
      <ul className="list-disc space-y-1 pl-5">
        <li>
          You cannot change your own role or deactivate your own account; another admin must do it.
          That is why your row has no Deactivate button and your role cannot be edited.
        </li>
        <li>
          The last active admin can never be demoted or deactivated: make someone else an admin
          first.
        </li>
        <li>
          Deactivating a user, changing their role or resetting their password signs them out
          everywhere at once. Deactivated users keep their tasks and history, and can be
          reactivated.
        </li>
      </ul>
    </aside>
  );
}

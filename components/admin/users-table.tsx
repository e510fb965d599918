import Link from "next/link";
import { Timestamp } from "@/components/ui/timestamp";
import { ASSIGNABLE_ROLES } from "@/lib/auth/policy";
import type { UserDto } from "@/lib/validation/users";
import { ROLE_LABELS } from "./format";
import { UserRowActions } from "./user-row-actions";

/** `wide`: shown from Tailwind's `sm` on; a phone's table keeps to what fits its width. */
type Column = { field: string; label: string; wide?: boolean };

const SORTABLE: Column[] = [
  { field: "full_name", label: "Name" },
  { field: "email", label: "Email", wide: true },
  { field: "role", label: "Role", wide: true },
];

/** A cell of a column that a phone leaves out. */
const WIDE_CELL = "px-3 py-2 whitespace-nowrap max-sm:hidden";

/** A user as the table shows them: with how many open tasks they are assigned. */
export type UserRowData = UserDto & { open_tasks: number };

type Props = {
  users: UserRowData[];
  actorId: number;
  ordering: string;
  /** The current filters, without "ordering" and "page". */
  query: string;
};

function SortHeader({
  column,
  ordering,
  query,
}: {
  column: Column;
  ordering: string;
  query: string;
}) {
  const current = ordering.replace(/^-/, "") === column.field;
  const descending = ordering.startsWith("-");
  const next = current && !descending ? `-${column.field}` : column.field;
  const params = new URLSearchParams(query);
  params.set("ordering", next);
  return (
    <th
      scope="col"
      aria-sort={current ? (descending ? "descending" : "ascending") : undefined}
      className={column.wide ? WIDE_CELL : "px-3 py-2"}
    >
      <Link
        href={`/admin/users?${params}`}
        className="inline-flex items-center gap-1 underline-offset-2 hover:underline"
      >
        {column.label}
        <span aria-hidden="true">{current ? (descending ? "▼" : "▲") : "↕"}</span>
        <span className="sr-only">
          , sort {current && !descending ? "descending" : "ascending"}
        </span>
      </Link>
    </th>
  );
}

export function UsersTable({ users, actorId, ordering, query }: Props) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Users</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {SORTABLE.map((column) => (
              <SortHeader key={column.field} column={column} ordering={ordering} query={query} />
            ))}
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <SortHeader
              column={{ field: "created_at", label: "Joined", wide: true }}
              ordering={ordering}
              query={query}
            />
            <SortHeader
              column={{ field: "last_login_at", label: "Last sign-in", wide: true }}
              ordering={ordering}
              query={query}
            />
            <th scope="col" className="px-3 py-2">
              Actions
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {users.map((user) => (
            <tr key={user.id} data-testid={`user-row-${user.email}`}>
              <td className="px-3 py-2 font-medium wrap-anywhere">
                {user.full_name}
                {user.id === actorId ? (
                  <span className="ml-1 text-xs font-normal text-slate-600">(you)</span>
                ) : null}
                {/* A phone has no Email or Role column: they go under the name. */}
                <span className="block text-xs font-normal wrap-anywhere text-slate-600 sm:hidden">
                  {user.email}
                </span>
                <span className="block text-xs font-normal text-slate-600 sm:hidden">
                  {ROLE_LABELS[user.role]}
                </span>
              </td>
              <td className="px-3 py-2 wrap-anywhere max-sm:hidden">{user.email}</td>
              <td className="px-3 py-2 max-sm:hidden">{ROLE_LABELS[user.role]}</td>
              <td className="px-3 py-2">
                {user.is_active ? (
                  <span className="rounded bg-green-100 px-2 py-0.5 text-green-900">Active</span>
                ) : (
                  <span className="rounded bg-slate-200 px-2 py-0.5 text-slate-800">
                    Deactivated
                  </span>
                )}
                {user.locked_until ? (
                  <span className="mt-1 block w-fit rounded bg-amber-100 px-2 py-0.5 text-amber-900">
                    Locked out until <Timestamp iso={user.locked_until} />
                  </span>
                ) : null}
              </td>
              <td className={WIDE_CELL}>
                <Timestamp iso={user.created_at} precision="day" />
              </td>
              <td className={WIDE_CELL}>
                {user.last_login_at ? <Timestamp iso={user.last_login_at} /> : "Never"}
              </td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap items-center gap-1">
                  <UserRowActions user={user} isSelf={user.id === actorId} />
                  {/* Anyone's tasks in two clicks, however long the Assignee filter's list. */}
                  {ASSIGNABLE_ROLES.includes(user.role) ? (
                    <Link
                      href={`/tasks?assigned_to=${user.id}`}
                      className="px-2 py-1 text-xs text-brand-700 underline"
                    >
                      Tasks<span className="sr-only"> of {user.full_name}</span>
                    </Link>
                  ) : null}
                  <Link
                    href={`/admin/activity?subject=${user.id}`}
                    className="px-2 py-1 text-xs text-brand-700 underline"
                  >
                    History<span className="sr-only"> of {user.full_name}</span>
                  </Link>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { AdminGuardsNotice } from "@/components/admin/admin-guards-notice";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { emptyPageTitle } from "@/components/ui/page-counts";
import { UsersFilters } from "@/components/admin/users-filters";
import { UsersTable } from "@/components/admin/users-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FocusKeeper } from "@/components/ui/focus-keeper";
import { ResultsCount } from "@/components/ui/results-count";
import { USERS_COUNT_ID } from "@/lib/client/focus-after-load";
import { PageHeader } from "@/components/ui/page-header";
import { ignoredFiltersMessage, parseLeavingOutInvalid } from "@/lib/pages/lenient-query";
import { paramValue, type PageSearchParams } from "@/lib/pages/search-params";
import { requireActor } from "@/lib/auth/page-actor";
import { pageCountOf } from "@/lib/http/page-links";
import { listUsers } from "@/lib/services/user-queries";
import { openTaskCounts } from "@/lib/services/user-workload";
import { listUsersQuerySchema, type UserDto } from "@/lib/validation/users";

/** The filters as the page's boxes name them. */
const USER_FILTER_LABELS: Record<string, string> = {
  search: "Search name or email",
  role: "Role",
  is_active: "Status",
  locked: "Locked out only",
  ordering: "Sort",
  page: "Page",
  page_size: "Rows per page",
};

export const metadata: Metadata = { title: "Users" };

const FILTERS = ["search", "role", "is_active", "locked", "ordering", "page"] as const;

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const actor = await requireActor({ may: "user.manage" });
  const params = await searchParams;
  const raw = Object.fromEntries(
    FILTERS.flatMap((name) => {
      const value = paramValue(params, name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
  // Values the schema refused (and the page says so) are left out of the boxes and the links.
  const { data: query, applied, ignored } = parseLeavingOutInvalid(listUsersQuerySchema, raw);
  const ignoredMessage = ignoredFiltersMessage(ignored, USER_FILTER_LABELS);
  const page = await listUsers(actor, query);
  const users = page.results as UserDto[];
  const openTasks = await openTaskCounts(
    actor,
    users.map((user) => user.id),
  );
  const filters = new URLSearchParams(
    Object.entries(applied).filter(([name]) => name !== "page" && name !== "ordering"),
  ).toString();
  // What the list was filtered by: a value refused above (and said so) filtered nothing.
  const filtered = Boolean(
    query.search || query.role || query.is_active !== undefined || query.locked !== undefined,
  );
  const withOrdering = new URLSearchParams(filters);
  withOrdering.set("ordering", query.ordering);

  return (
    <>
      <PageHeader
        title="Users"
        description="Create accounts, change names and roles, deactivate and reactivate, reset passwords."
      />
      <AdminGuardsNotice />
      <details className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-medium">Create a user</summary>
        <div className="mt-4">
          <CreateUserForm />
        </div>
      </details>
      <UsersFilters
        values={{
          search: applied.search,
          role: applied.role,
          // As parsed: "1" and "True" choose "Active" and check the box too.
          is_active: query.is_active === undefined ? undefined : String(query.is_active),
          locked: query.locked === undefined ? undefined : String(query.locked),
          ordering: applied.ordering,
        }}
      />
      {ignoredMessage ? (
        <p role="alert" className="mb-4 text-sm text-red-700">
          {ignoredMessage}
        </p>
      ) : null}
      <ResultsCount
        id={USERS_COUNT_ID}
        page={page.page}
        pages={pageCountOf(page.count, page.page_size)}
      >
        {page.count.toLocaleString("en-US")} {page.count === 1 ? "user" : "users"}
        {filtered ? (page.count === 1 ? " matches these filters." : " match these filters.") : "."}
      </ResultsCount>
      {/* A change that takes a row out of these filters (a new role, a deactivation) would drop
          keyboard focus to the page's start. */}
      <FocusKeeper label="Users found">
        {users.length === 0 ? (
          <EmptyState
            title={emptyPageTitle(
              page.page,
              page.page_size,
              page.count,
              "No users match these filters.",
            )}
          >
            {page.count > 0 ? null : (
              <Link href="/admin/users" className="underline">
                Show all users
              </Link>
            )}
          </EmptyState>
        ) : (
          <UsersTable
            users={users.map((user) => ({ ...user, open_tasks: openTasks.get(user.id) ?? 0 }))}
            actorId={actor.id}
            ordering={query.ordering}
            query={filters}
          />
        )}
      </FocusKeeper>
      <PaginationNav
        label="Users pages"
        resultsId={USERS_COUNT_ID}
        page={page.page}
        pageSize={page.page_size}
        count={page.count}
        query={withOrdering.toString()}
        basePath="/admin/users"
      />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { TASK_STATUSES } from "@/db/schema";
import { STATUS_LABELS } from "@/components/tasks/labels";
import { MyTaskCard } from "@/components/tasks/my-task-card";
import { MyTasksFilters } from "@/components/tasks/my-tasks-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { firstParam, type PageSearchParams } from "@/lib/pages/search-params";
import { pageTaskQuery } from "@/lib/pages/task-list-query";
import { MAX_PAGE_SIZE } from "@/lib/validation/task-query";
import { requireActor } from "@/lib/auth/page-actor";
import { listTasks } from "@/lib/services/tasks";

export const metadata: Metadata = { title: "My tasks" };

/** The filters this page offers; other task filters in its address are not applied. */
const FILTERS = ["status", "due_after", "due_before"] as const;

export default async function MyTasksPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const actor = await requireActor();
  const params = await searchParams;
  const [status, dueAfter, dueBefore] = FILTERS.map((name) => firstParam(params, name));
  const mine = { assigned_to: String(actor.id) };
  const { query, invalid } = pageTaskQuery(
    Object.fromEntries(FILTERS.map((name) => [name, params[name]])),
    { ...mine, ordering: "due_date", page_size: String(MAX_PAGE_SIZE) },
  );

  const [list, ...counts] = await Promise.all([
    listTasks(actor, query),
    ...TASK_STATUSES.map((value) =>
      listTasks(actor, pageTaskQuery({}, { ...mine, status: value, page_size: "1" }).query),
    ),
  ]);
  const filtered = Boolean(status || dueAfter || dueBefore);

  return (
    <>
      <PageHeader title="My tasks" description="The tasks assigned to you." />
      <ul aria-label="Tasks per status" className="mb-6 grid grid-cols-3 gap-3">
        {TASK_STATUSES.map((value, index) => (
          <li key={value}>
            <Link
              href={`/my-tasks?status=${value}`}
              className="block rounded-lg border border-slate-200 bg-white p-3 text-center hover:border-brand-500"
            >
              <span className="block text-2xl font-semibold">{counts[index]!.count}</span>
              <span className="block text-sm text-slate-700">{STATUS_LABELS[value]}</span>
            </Link>
          </li>
        ))}
      </ul>
      <MyTasksFilters status={status} dueAfter={dueAfter} dueBefore={dueBefore} />
      {invalid ? (
        <p role="status" className="mb-4 text-sm text-amber-800">
          {invalid}
        </p>
      ) : null}
      {list.results.length === 0 ? (
        <EmptyState
          title={filtered ? "No task matches these filters." : "No tasks assigned to you."}
        >
          {filtered ? (
            <Link href="/my-tasks" className="underline">
              Show all my tasks
            </Link>
          ) : (
            "New work will show up here."
          )}
        </EmptyState>
      ) : (
        <>
          <ul aria-label="My tasks" className="grid grid-cols-1 gap-3 lg:grid-cols-2">
            {list.results.map((task) => (
              <li key={task.id}>
                <MyTaskCard task={task} />
              </li>
            ))}
          </ul>
          {list.count > list.results.length ? (
            <p className="mt-4 text-sm text-slate-600">
              Showing the first {list.results.length} of {list.count}; narrow the filters to see the
              rest.
            </p>
          ) : null}
        </>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { TASK_STATUSES } from "@/lib/domain/enums";
import { STATUS_LABELS } from "@/components/tasks/labels";
import { MyTaskCard } from "@/components/tasks/my-task-card";
import { MY_TASKS_ORDERING, MyTasksFilters } from "@/components/tasks/my-tasks-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { FocusKeeper } from "@/components/ui/focus-keeper";
import { ResultsCount } from "@/components/ui/results-count";
import { MY_TASKS_COUNT_ID } from "@/lib/client/focus-after-load";
import { emptyPageTitle } from "@/components/ui/page-counts";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { PageHeader } from "@/components/ui/page-header";
import { buttonSecondary } from "@/components/ui/button-styles";
import { paramValue, toQueryString, type PageSearchParams } from "@/lib/pages/search-params";
import { appliedTaskFilters, taskExportHref } from "@/lib/pages/task-filter-params";
import { pageTaskQuery } from "@/lib/pages/task-list-query";
import { requireActor } from "@/lib/auth/page-actor";
import { pageCountOf } from "@/lib/http/page-links";
import { listTasks } from "@/lib/services/tasks";

export const metadata: Metadata = { title: "My tasks" };

/** The filters this page offers; other task filters in its address are not applied. */
const FILTERS = ["status", "due_after", "due_before", "overdue", "search"] as const;
/** Tasks per page: a phone scrolls through this many cards at most. */
const PAGE_SIZE = 50;

export default async function MyTasksPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const actor = await requireActor();
  const params = await searchParams;
  const [status, dueAfter, dueBefore, , search] = FILTERS.map((name) => paramValue(params, name));
  const mine = { assigned_to: String(actor.id) };
  const { query, invalid } = pageTaskQuery(
    {
      ...Object.fromEntries([...FILTERS, "page"].map((name) => [name, params[name]])),
      ordering: paramValue(params, "ordering") || MY_TASKS_ORDERING,
    },
    { ...mine, page_size: String(PAGE_SIZE) },
  );
  const countOf = (filter: Record<string, string>) =>
    listTasks(actor, pageTaskQuery({}, { ...mine, ...filter, page_size: "1" }).query);

  const [list, overdueList, ...counts] = await Promise.all([
    listTasks(actor, query),
    countOf({ overdue: "true" }),
    ...TASK_STATUSES.map((value) => countOf({ status: value })),
  ]);
  const filtered = Boolean(status || dueAfter || dueBefore || query.overdue || search);
  const reversedDates = Boolean(
    query.due_after && query.due_before && query.due_after > query.due_before,
  );
  const applied = appliedTaskFilters(query, FILTERS);
  const filters = toQueryString({
    ...applied,
    ...(query.ordering === MY_TASKS_ORDERING ? {} : { ordering: query.ordering }),
  });

  return (
    <>
      <PageHeader
        title="My tasks"
        description="The tasks assigned to you."
        actions={
          // The same file as the managers' export, of the tasks these filters find.
          <a href={taskExportHref(query)} className={buttonSecondary}>
            Export CSV
          </a>
        }
      />
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
      {overdueList.count > 0 && !query.overdue ? (
        <p className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {overdueList.count === 1
            ? "One of your tasks is overdue."
            : `${overdueList.count} of your tasks are overdue.`}{" "}
          <Link href="/my-tasks?overdue=true" className="font-medium underline">
            Show {overdueList.count === 1 ? "it" : "them"}
          </Link>
        </p>
      ) : null}
      <MyTasksFilters
        status={applied.status}
        dueAfter={dueAfter}
        dueBefore={dueBefore}
        overdue={query.overdue === true}
        search={search}
        ordering={query.ordering}
      />
      {invalid ? (
        <p role="status" className="mb-4 text-sm text-amber-800">
          {invalid}
        </p>
      ) : null}
      <ResultsCount
        id={MY_TASKS_COUNT_ID}
        page={query.page}
        pages={pageCountOf(list.count, PAGE_SIZE)}
      >
        {list.count.toLocaleString("en-US")} {list.count === 1 ? "task" : "tasks"}
        {filtered ? (list.count === 1 ? " matches these filters" : " match these filters") : ""}
        {reversedDates ? ": “Due from” is after “Due until”, so none can." : "."}
      </ResultsCount>
      <FocusKeeper label="Tasks found">
        {list.results.length === 0 ? (
          <EmptyState
            title={emptyPageTitle(
              query.page,
              PAGE_SIZE,
              list.count,
              filtered ? "No task matches these filters." : "No tasks assigned to you.",
            )}
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
          <ul aria-label="My tasks" className="grid grid-cols-1 gap-3 lg:grid-cols-2">
            {list.results.map((task) => (
              <li key={task.id}>
                <MyTaskCard task={task} />
              </li>
            ))}
          </ul>
        )}
      </FocusKeeper>
      {list.count > PAGE_SIZE || query.page > 1 ? (
        <PaginationNav
          label="My tasks pages"
          resultsId={MY_TASKS_COUNT_ID}
          page={query.page}
          pageSize={PAGE_SIZE}
          count={list.count}
          query={filters}
          basePath="/my-tasks"
        />
      ) : null}
    </>
  );
}

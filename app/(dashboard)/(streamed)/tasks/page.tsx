import type { Metadata } from "next";
import Link from "next/link";
import { TASK_COUNT_ID } from "@/lib/client/focus-after-load";
import { TasksTable } from "@/components/table/tasks-table";
import { assigneeFilter } from "@/components/tasks/assignee-options";
import { creatorName } from "@/components/tasks/creator-filter-note";
import { TaskFilters } from "@/components/tasks/task-filters";
import { buttonPrimary, buttonSecondary } from "@/components/ui/button-styles";
import { PageHeader } from "@/components/ui/page-header";
import { paramValue, type PageSearchParams } from "@/lib/pages/search-params";
import { appliedTaskFilters, taskExportHref } from "@/lib/pages/task-filter-params";
import { pageTaskQuery } from "@/lib/pages/task-list-query";
import { requireActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/policy";
import { listTasks } from "@/lib/services/tasks";
import {
  listAssignableUsers,
  listAssigneeChoices,
  listManagers,
} from "@/lib/services/user-queries";

export const metadata: Metadata = { title: "Tasks" };

export default async function TasksPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const actor = await requireActor({ may: "task.manage" });
  const params = await searchParams;
  const { query, invalid } = pageTaskQuery(params);
  const [list, users, managers] = await Promise.all([
    listTasks(actor, { ...query, cursor: undefined }),
    listAssignableUsers(actor),
    can(actor, "user.listAll") ? listManagers(actor) : undefined,
  ]);
  const assignees = await listAssigneeChoices(actor, {
    assignable: users,
    selected: query.assigned_to,
  });

  const applied = appliedTaskFilters(query);
  const urlState = {
    ...applied,
    ordering: query.ordering,
    page_size: String(query.page_size),
  };

  return (
    <>
      <PageHeader
        title="Tasks"
        description="Sort by a column, filter, select rows for bulk changes."
        actions={
          <>
            <a href={taskExportHref(query)} className={buttonSecondary}>
              Export CSV
            </a>
            <Link href="/tasks/new" className={buttonPrimary}>
              New task
            </Link>
          </>
        }
      />
      <TaskFilters
        action="/tasks"
        withStatus
        assignees={assigneeFilter(assignees, paramValue(params, "assigned_to"), list.results)}
        managers={managers}
        creatorName={creatorName(list.results, paramValue(params, "created_by"))}
        keep={{ ordering: query.ordering, page_size: String(query.page_size) }}
        resultsId={TASK_COUNT_ID}
        values={{
          status: applied.status,
          assigned_to: paramValue(params, "assigned_to"),
          created_by: paramValue(params, "created_by"),
          priority: applied.priority,
          overdue: query.overdue,
          search: paramValue(params, "search"),
        }}
      />
      {invalid ? (
        <p role="status" className="mb-4 text-sm text-amber-800">
          {invalid}
        </p>
      ) : null}
      <TasksTable
        tasks={list.results}
        count={list.count}
        page={query.page}
        pageSize={query.page_size}
        ordering={query.ordering}
        query={urlState}
        users={users}
        actor={{ id: actor.id, role: actor.role }}
      />
    </>
  );
}

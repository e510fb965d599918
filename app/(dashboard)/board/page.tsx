import type { Metadata } from "next";
import { TASK_STATUSES, type TaskStatus } from "@/db/schema";
import Link from "next/link";
import { toBoardTask, type BoardTask } from "@/components/board/board-types";
import { TaskBoard } from "@/components/board/task-board";
import { assigneeFilter } from "@/components/tasks/assignee-options";
import { TaskFilters } from "@/components/tasks/task-filters";
import { BOARD_COUNT_ID } from "@/lib/client/focus-after-load";
import { buttonPrimary } from "@/components/ui/button-styles";
import { PageHeader } from "@/components/ui/page-header";
import { firstParam, type PageSearchParams } from "@/lib/pages/search-params";
import { pageTaskQuery } from "@/lib/pages/task-list-query";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/policy";
import { listTasks } from "@/lib/services/tasks";
import { listAssigneeChoices, listManagers } from "@/lib/services/users";
import { MAX_PAGE_SIZE, type TaskListQuery } from "@/lib/validation/task-query";

export const metadata: Metadata = { title: "Board" };

/** Cards a column shows at most (the most recently changed); the rest are counted, not drawn. */
const COLUMN_LIMIT = 300;

type Board = { tasks: BoardTask[]; hidden: Record<TaskStatus, number> };

/** Each column's cards, read page after page up to its ceiling, with how many more it holds. */
async function boardTasks(actor: Actor, query: TaskListQuery): Promise<Board> {
  const columns = await Promise.all(
    TASK_STATUSES.map(async (status) => {
      const tasks: BoardTask[] = [];
      let total = 0;
      for (let page = 1; tasks.length < COLUMN_LIMIT; page += 1) {
        const { results, count } = await listTasks(actor, {
          ...query,
          status: [status],
          page,
          page_size: MAX_PAGE_SIZE,
        });
        total = count;
        tasks.push(...results.map(toBoardTask));
        if (results.length < MAX_PAGE_SIZE || tasks.length >= count) break;
      }
      return { status, tasks: tasks.slice(0, COLUMN_LIMIT), total };
    }),
  );
  // Columns and their pages are read at different moments: a task changed in between may come
  // twice, and a card must appear once (its id keys it on the board).
  const byId = new Map(columns.flatMap((column) => column.tasks).map((task) => [task.id, task]));
  return {
    tasks: [...byId.values()],
    hidden: Object.fromEntries(
      columns.map((column) => [column.status, column.total - column.tasks.length]),
    ) as Record<TaskStatus, number>,
  };
}

export default async function BoardPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const actor = await requireActor({ may: "task.manage" });
  const params = await searchParams;
  const { query, invalid } = pageTaskQuery(params, { ordering: "-updated_at" });
  const [{ tasks, hidden }, assignees, managers] = await Promise.all([
    boardTasks(actor, query),
    listAssigneeChoices(actor, { selected: query.assigned_to }),
    can(actor, "user.listAll") ? listManagers(actor) : undefined,
  ]);

  return (
    <>
      <PageHeader
        title="Board"
        description="Drag a card, or use its move button and the arrow keys, to change its status."
        actions={
          <Link href="/tasks/new" className={buttonPrimary}>
            New task
          </Link>
        }
      />
      <TaskFilters
        action="/board"
        resultsId={BOARD_COUNT_ID}
        assignees={assigneeFilter(assignees, firstParam(params, "assigned_to"), tasks)}
        managers={managers}
        values={{
          assigned_to: firstParam(params, "assigned_to"),
          created_by: firstParam(params, "created_by"),
          priority: firstParam(params, "priority"),
          overdue: query.overdue,
          search: firstParam(params, "search"),
        }}
      />
      {invalid ? (
        <p role="status" className="mb-4 text-sm text-amber-800">
          {invalid}
        </p>
      ) : null}
      <TaskBoard tasks={tasks} hidden={hidden} />
    </>
  );
}

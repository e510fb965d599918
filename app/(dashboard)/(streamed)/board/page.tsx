import type { Metadata } from "next";
import Link from "next/link";
import { toBoardTask } from "@/components/board/board-types";
import { newTaskDefaults } from "@/components/board/new-task-defaults";
import { TaskBoard } from "@/components/board/task-board";
import { assigneeFilter } from "@/components/tasks/assignee-options";
import { creatorName } from "@/components/tasks/creator-filter-note";
import { TaskFilters } from "@/components/tasks/task-filters";
import { BOARD_COUNT_ID } from "@/lib/client/focus-after-load";
import { buttonPrimary } from "@/components/ui/button-styles";
import { PageHeader } from "@/components/ui/page-header";
import { appliedTaskFilters } from "@/lib/pages/task-filter-params";
import { paramValue, type PageSearchParams } from "@/lib/pages/search-params";
import { pageTaskQuery } from "@/lib/pages/task-list-query";
import { requireActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/policy";
import { listBoardColumns } from "@/lib/services/task-board";
import { listAssigneeChoices, listManagers } from "@/lib/services/user-queries";

export const metadata: Metadata = { title: "Board" };

export default async function BoardPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const actor = await requireActor({ may: "task.manage" });
  const params = await searchParams;
  const { query, invalid } = pageTaskQuery(params, { ordering: "-updated_at" });
  const [board, assignees, managers] = await Promise.all([
    listBoardColumns(actor, query),
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
        assignees={assigneeFilter(assignees, paramValue(params, "assigned_to"), board.tasks)}
        managers={managers}
        creatorName={creatorName(board.tasks, paramValue(params, "created_by"))}
        values={{
          assigned_to: paramValue(params, "assigned_to"),
          created_by: paramValue(params, "created_by"),
          priority: appliedTaskFilters(query).priority,
          overdue: query.overdue,
          search: paramValue(params, "search"),
        }}
      />
      {invalid ? (
        <p role="status" className="mb-4 text-sm text-amber-800">
          {invalid}
        </p>
      ) : null}
      <TaskBoard
        tasks={board.tasks.map(toBoardTask)}
        hidden={board.hidden}
        newTaskDefaults={newTaskDefaults(query, assignees.people)}
      />
    </>
  );
}

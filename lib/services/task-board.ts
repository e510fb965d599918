import { TASK_STATUSES, type TaskStatus } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import { MAX_PAGE_SIZE, type TaskListQuery } from "@/lib/validation/task-query";
import type { TaskDto } from "@/lib/validation/tasks";
import { listTasks } from "./task-list";

/** Cards a column shows at most (the most recently changed); the rest are counted, not drawn. */
export const BOARD_COLUMN_LIMIT = 300;

export type BoardColumns = { tasks: TaskDto[]; hidden: Record<TaskStatus, number> };

/**
 * The board's cards: each status column read page after page of the actor's list, up to its
 * ceiling, with how many more it holds.
 */
export async function listBoardColumns(actor: Actor, query: TaskListQuery): Promise<BoardColumns> {
  const columns = await Promise.all(
    TASK_STATUSES.map(async (status) => {
      const tasks: TaskDto[] = [];
      let total = 0;
      for (let page = 1; tasks.length < BOARD_COLUMN_LIMIT; page += 1) {
        const { results, count } = await listTasks(actor, {
          ...query,
          status: [status],
          page,
          page_size: MAX_PAGE_SIZE,
        });
        total = count;
        tasks.push(...results);
        if (results.length < MAX_PAGE_SIZE || tasks.length >= count) break;
      }
      return { status, tasks: tasks.slice(0, BOARD_COLUMN_LIMIT), total };
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

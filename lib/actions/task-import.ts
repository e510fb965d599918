"use server";

import { requireActor } from "@/lib/auth/page-actor";
import { listTasks } from "@/lib/services/tasks";
import { taskListQuerySchema } from "@/lib/validation/task-query";
import { toActionResult, type ActionResult } from "./result";

/**
 * The actor's newest tasks, for the import summary: an import makes its caller the creator of
 * every row, so right after it these are the tasks it created.
 */
export async function newestOwnTasksAction(
  limit: number,
): Promise<ActionResult<{ id: number; title: string }[]>> {
  const actor = await requireActor({ roles: ["ADMIN", "MANAGER"] });
  return toActionResult(async () => {
    const query = taskListQuerySchema.parse({
      created_by: actor.id,
      ordering: "-created_at",
      page_size: Math.min(Math.max(1, Math.trunc(limit)), 100),
    });
    const { results } = await listTasks(actor, query);
    return results.map((task) => ({ id: task.id, title: task.title }));
  });
}

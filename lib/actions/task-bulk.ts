"use server";

import { revalidatePath } from "next/cache";
import { validationError } from "@/lib/http/errors";
import {
  applyBulkTaskAction,
  matchingTasks,
  type BulkTaskResult,
  type MatchingTask,
} from "@/lib/services/task-bulk-actions";
import { bulkTaskActionSchema, matchingFiltersSchema } from "@/lib/validation/task-bulk";
import { asActor, type ActionResult } from "./result";

/** The table's bulk bar: one call, one transaction, all or nothing, over the tasks it names. */
export async function bulkTaskAction(input: unknown): Promise<ActionResult<BulkTaskResult>> {
  return asActor({ action: "bulkTask", may: "task.manage" }, async (actor) => {
    const parsed = bulkTaskActionSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    const result = await applyBulkTaskAction(actor, parsed.data);
    revalidatePath("/", "layout");
    return result;
  });
}

/**
 * "Select all matching": every task the table's filters (its query string) find, with its version,
 * read when the user selects them. The action then names exactly those, the set the user saw
 * counted and confirmed: a task added to the filters' results, or changed, meanwhile is never
 * changed or deleted unseen.
 */
export async function matchingTasksAction(filters: unknown): Promise<ActionResult<MatchingTask[]>> {
  return asActor({ action: "matchingTasks", may: "task.manage" }, async (actor) => {
    const parsed = matchingFiltersSchema.safeParse(filters);
    if (!parsed.success) throw validationError(parsed.error);
    return matchingTasks(actor, parsed.data);
  });
}

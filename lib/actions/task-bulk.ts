"use server";

import { revalidatePath } from "next/cache";
import { validationError } from "@/lib/http/errors";
import {
  applyBulkTaskAction,
  matchingTaskIds,
  type BulkTaskResult,
} from "@/lib/services/task-bulk-actions";
import { bulkSelectionSchema, bulkTaskActionSchema } from "@/lib/validation/task-bulk";
import { asActor, type ActionResult } from "./result";

/**
 * The table's bulk bar: one call, one transaction, all or nothing. The tasks are its `ids`, or,
 * with `matching` (the list's query string), every task the filters find.
 */
export async function bulkTaskAction(input: unknown): Promise<ActionResult<BulkTaskResult>> {
  return asActor({ action: "bulkTask", may: "task.manage" }, async (actor) => {
    let withIds = input;
    if (typeof input === "object" && input !== null && "matching" in input) {
      const selection = bulkSelectionSchema.safeParse(input);
      if (!selection.success) throw validationError(selection.error);
      const { matching, ...action } = selection.data;
      withIds = { ...action, ids: await matchingTaskIds(actor, matching) };
    }
    const parsed = bulkTaskActionSchema.safeParse(withIds);
    if (!parsed.success) throw validationError(parsed.error);
    const result = await applyBulkTaskAction(actor, parsed.data);
    revalidatePath("/", "layout");
    return result;
  });
}

"use server";

import { revalidatePath } from "next/cache";
import { validationError } from "@/lib/http/errors";
import { applyBulkTaskAction, type BulkTaskResult } from "@/lib/services/task-bulk-actions";
import { bulkTaskActionSchema } from "@/lib/validation/task-bulk";
import { asActor, type ActionResult } from "./result";

/** The table's bulk bar: one call, one transaction, all or nothing. */
export async function bulkTaskAction(input: unknown): Promise<ActionResult<BulkTaskResult>> {
  return asActor({ may: "task.manage" }, async (actor) => {
    const parsed = bulkTaskActionSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    const result = await applyBulkTaskAction(actor, parsed.data);
    revalidatePath("/", "layout");
    return result;
  });
}

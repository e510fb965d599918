"use server";

import { requireActor } from "@/lib/auth/page-actor";
import { tasksOfOwnImport, type ImportedTask } from "@/lib/services/imported-tasks";
import { idSchema } from "@/lib/validation/ids";
import { toActionResult, type ActionResult } from "./result";

const importIdSchema = idSchema("Must be an import id.");

/** The tasks an import of the caller's created, for the import summary (a replay's too). */
export async function importedTasksAction(importId: number): Promise<ActionResult<ImportedTask[]>> {
  const actor = await requireActor({ may: "task.import" });
  return toActionResult(() => tasksOfOwnImport(actor, importIdSchema.parse(importId)));
}

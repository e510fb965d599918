"use server";

import { tasksOfOwnImport, type ImportedTask } from "@/lib/services/imported-tasks";
import { idSchema } from "@/lib/validation/ids";
import { asActor, type ActionResult } from "./result";

const importIdSchema = idSchema("Must be an import id.");

/** The tasks an import of the caller's created, for the import summary (a replay's too). */
export async function importedTasksAction(importId: number): Promise<ActionResult<ImportedTask[]>> {
  return asActor({ action: "importedTasks", may: "task.import" }, (actor) =>
    tasksOfOwnImport(actor, importIdSchema.parse(importId)),
  );
}

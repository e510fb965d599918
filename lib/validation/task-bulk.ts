import { z } from "zod";
import { taskPrioritySchema, taskStatusSchema, userIdSchema } from "./tasks";

export const MAX_BULK_TASKS = 500;

const taskIds = z
  .array(z.number().int().positive(), { message: "Choose the tasks to change." })
  .min(1, "Choose at least one task.")
  .max(MAX_BULK_TASKS, `At most ${MAX_BULK_TASKS} tasks at once.`)
  .transform((ids) => [...new Set(ids)]);

/** One action over many selected tasks (the table's bulk bar). */
export const bulkTaskActionSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("status"), ids: taskIds, status: taskStatusSchema }),
  z.strictObject({ action: z.literal("priority"), ids: taskIds, priority: taskPrioritySchema }),
  z.strictObject({
    action: z.literal("reassign"),
    ids: taskIds,
    assigned_to: userIdSchema.nullable(),
  }),
  z.strictObject({ action: z.literal("delete"), ids: taskIds }),
]);

export type BulkTaskAction = z.output<typeof bulkTaskActionSchema>;

export const IDS_OR_MATCHING = "Name the tasks by ids or by matching, not both.";

/**
 * A bulk action that names its tasks by the list's filters (a query string) instead of ids; never
 * both, where either reading would change tasks the caller did not mean.
 */
export const bulkSelectionSchema = z
  .looseObject({ matching: z.string().max(4000) })
  .refine((selection) => !("ids" in selection), { message: IDS_OR_MATCHING, path: ["ids"] });

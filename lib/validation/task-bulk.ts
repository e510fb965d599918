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

/** The table's filters (its query string), whose every matching task a bulk action is to name. */
export const matchingFiltersSchema = z.string().max(4000, "Too many filters.");

import { z } from "zod";
import {
  taskIdSchema,
  taskPrioritySchema,
  taskStatusSchema,
  taskVersionSchema,
  userIdSchema,
} from "./tasks";

export const MAX_BULK_TASKS = 500;

const taskIds = z
  .array(z.number().int().positive(), { message: "Choose the tasks to change." })
  .min(1, "Choose at least one task.")
  .max(MAX_BULK_TASKS, `At most ${MAX_BULK_TASKS} tasks at once.`)
  .transform((ids) => [...new Set(ids)]);

/**
 * The version of each task as the table showed it, or as "select all matching" found it: a task
 * changed since is not changed or deleted unseen (412). A task it does not name is taken as it is.
 */
const seenVersions = z
  .array(z.strictObject({ id: taskIdSchema, version: taskVersionSchema }))
  .max(MAX_BULK_TASKS)
  .optional();

/** One action over many selected tasks (the table's bulk bar). */
export const bulkTaskActionSchema = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("status"),
    ids: taskIds,
    seen: seenVersions,
    status: taskStatusSchema,
  }),
  z.strictObject({
    action: z.literal("priority"),
    ids: taskIds,
    seen: seenVersions,
    priority: taskPrioritySchema,
  }),
  z.strictObject({
    action: z.literal("reassign"),
    ids: taskIds,
    seen: seenVersions,
    assigned_to: userIdSchema.nullable(),
  }),
  z.strictObject({ action: z.literal("delete"), ids: taskIds, seen: seenVersions }),
]);

export type BulkTaskAction = z.output<typeof bulkTaskActionSchema>;

/** The table's filters (its query string), whose every matching task a bulk action is to name. */
export const matchingFiltersSchema = z.string().max(4000, "Too many filters.");

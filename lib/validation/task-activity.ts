import { z } from "zod";
import { validationError } from "@/lib/http/errors";
import { activityKindSchema } from "./activity-trail";
import { idSchema } from "./ids";
import { cappedAt, wholeNumberParam } from "./query-params";
import { queryValues } from "./query-values";
import { userRefSchema } from "./tasks";

/** One event of GET /api/tasks/{id}/activity/: who changed what, from what to what. */
export const taskActivityEntrySchema = z
  .object({
    id: z.number().int(),
    kind: activityKindSchema,
    field: z.string().nullable(),
    from_value: z.string().nullable(),
    to_value: z.string().nullable(),
    created_at: z.string(),
    actor: userRefSchema.nullable(),
    task_id: z.number().int().nullable(),
  })
  .meta({ id: "TaskActivityEntry" });

const AFTER_MESSAGE = "Must be an event id, or 0 for the first events.";

/** Events one answer of GET /api/tasks/{id}/activity/ holds at most. */
export const TASK_ACTIVITY_MAX = 1000;

/**
 * Which part of a task's history to answer, oldest first: events after `after` (an event id, as
 * the previous answer's `Link: rel="next"` names it), `limit` of them at most.
 */
export const taskActivityQuerySchema = z
  .object({
    // 0 is "after nothing", where a generic pager starts: the same as leaving it out.
    after: idSchema(AFTER_MESSAGE, { orZero: true })
      .optional()
      .transform((after) => (after === 0 ? undefined : after))
      .meta({
        description: "Only events after this one (its id); the next page's start. 0: the first.",
      }),
    limit: wholeNumberParam(
      z
        .int("Limit must be a whole number, 1 or more.")
        .min(1, "Limit must be a whole number, 1 or more.")
        .transform(cappedAt(TASK_ACTIVITY_MAX)),
    )
      .default(TASK_ACTIVITY_MAX)
      .meta({
        description: `Events per answer; larger values are taken as ${TASK_ACTIVITY_MAX}.`,
      }),
  })
  .meta({ id: "TaskActivityQuery" });

export type TaskActivityQuery = z.infer<typeof taskActivityQuerySchema>;

export function parseTaskActivityQuery(params: URLSearchParams): TaskActivityQuery {
  const parsed = taskActivityQuerySchema.safeParse(queryValues(params));
  if (!parsed.success) throw validationError(parsed.error, "Invalid query parameters.");
  return parsed.data;
}

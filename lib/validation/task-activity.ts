import { z } from "zod";
import { activityKindSchema } from "./activity-trail";
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

import { z } from "zod";
import { pageParam, pageSizeParam } from "./query-params";
import { ACTIVITY_KINDS } from "@/lib/domain/enums";
import { idSchema } from "./ids";
import { isoDateSchema, userIdSchema } from "./tasks";

export const activityKindSchema = z.enum(ACTIVITY_KINDS).meta({ id: "ActivityKind" });

const idParam = idSchema("Must be an id.");

/**
 * The /admin/activity filters: who, which task, what kind, between which dates (inclusive, days
 * of the company's TIME_ZONE).
 */
export const activityTrailQuerySchema = z
  .object({
    actor: userIdSchema.optional(),
    task: idParam.optional(),
    subject: userIdSchema.optional(),
    kind: activityKindSchema.optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    page: pageParam,
    page_size: pageSizeParam(25),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "The start date must not be after the end date.",
    path: ["to"],
  });

export type ActivityTrailQuery = z.infer<typeof activityTrailQuerySchema>;

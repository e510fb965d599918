import { z } from "zod";
import { wholeNumberParam } from "./query-params";
import { ACTIVITY_KINDS } from "@/db/schema";
import { idSchema } from "./ids";
import { isoDateSchema, userIdSchema } from "./tasks";

export const activityKindSchema = z.enum(ACTIVITY_KINDS).meta({ id: "ActivityKind" });

const idParam = idSchema("Must be an id.");

/** The /admin/activity filters: who, which task, what kind, between which dates (UTC, inclusive). */
export const activityTrailQuerySchema = z
  .object({
    actor: userIdSchema.optional(),
    task: idParam.optional(),
    subject: userIdSchema.optional(),
    kind: activityKindSchema.optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    page: wholeNumberParam(
      z.int("Page must be a whole number.").min(1, "Page must be 1 or more."),
    ).default(1),
    page_size: wholeNumberParam(
      z
        .int("Page size must be between 1 and 100.")
        .min(1, "Page size must be between 1 and 100.")
        .max(100, "Page size must be between 1 and 100."),
    ).default(25),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "The start date must not be after the end date.",
    path: ["to"],
  });

export type ActivityTrailQuery = z.infer<typeof activityTrailQuerySchema>;

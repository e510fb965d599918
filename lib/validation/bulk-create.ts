import { z } from "zod";
import { createTaskSchema, userRefSchema } from "./tasks";

/** POST /api/tasks/bulk-create/: each item is validated on its own with createTaskSchema. */
export const bulkCreateEnvelopeSchema = z
  .strictObject({
    tasks: z.array(z.unknown(), { message: 'Send {"tasks": [ ... ]}, a list of tasks.' }),
  })
  .meta({ id: "BulkCreateRequest" });

/** The documented shape of the request (the envelope above is what the route parses). */
export const bulkCreateRequestSchema = z
  .strictObject({
    tasks: z.array(createTaskSchema).min(1).meta({
      description: "At least one task; at most BULK_MAX_ITEMS (5,000 unless configured), else 413.",
    }),
  })
  .meta({ id: "BulkCreateTasks" });

export const bulkCreateResponseSchema = z
  .object({
    created: z.number().int(),
    ids: z.array(z.number().int()),
    message: z.string(),
  })
  .meta({ id: "BulkCreateResult" });

export const bulkItemErrorSchema = z
  .object({ index: z.number().int(), field: z.string(), message: z.string() })
  .meta({ id: "BulkItemError" });

/** A dry run lists at most this many people by name; the rest are counted. */
export const MAX_LISTED_ASSIGNEES = 50;

export const assigneeSummarySchema = z.object({
  people: z.array(userRefSchema.extend({ tasks: z.number().int().positive() })),
  more_people: z.number().int().nonnegative(),
  unassigned: z.number().int().nonnegative(),
});
export type AssigneeSummary = z.infer<typeof assigneeSummarySchema>;

export const bulkUploadResponseSchema = z
  .object({
    created: z.number().int(),
    rows: z.number().int(),
    import_id: z.number().int().nullable(),
    dry_run: z.boolean(),
    message: z.string(),
    same_file_imported: z
      .object({
        import_id: z.number().int(),
        imported_at: z.string(),
        created: z.number().int(),
      })
      .nullable()
      .optional()
      .meta({
        description:
          "Dry run only: your last import of a file with the same bytes (importing it again creates its tasks again), or null.",
      }),
    assignees: assigneeSummarySchema.optional().meta({
      description: `Dry run only: who the tasks would go to. \`people\`: the ${MAX_LISTED_ASSIGNEES} who get the most, most tasks first; \`more_people\`: how many others get some; \`unassigned\`: tasks with nobody assigned.`,
    }),
  })
  .meta({ id: "BulkUploadResult" });

export const csvRowErrorSchema = z
  .object({
    line: z.number().int(),
    column: z.string().nullable().meta({
      description:
        "The column as the file's header spells it (trimmed), mapped or not; null for a problem of the whole row.",
    }),
    field: z.string().nullable().meta({
      description:
        "The task field the column feeds (`title`, `status`, …), as every other validation error names it.",
    }),
    value: z.string().nullable(),
    message: z.string(),
  })
  .meta({ id: "CsvRowError" });

import { z } from "zod";
import {
  commaListDoc,
  pageOrLastParam,
  pageSizeParam,
  QUERY_PARAMETER_DOC,
  queryBoolean,
} from "./query-params";
import { PAGING_PARAMS } from "./paging-params";
import { queryValues } from "./query-values";
import { searchSchema } from "./search-terms";
import { badRequest, fieldErrors } from "@/lib/http/errors";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/domain/enums";
import { isoDateSchema, taskPrioritySchema, taskStatusSchema, userIdSchema } from "./tasks";

export const TASK_ORDER_FIELDS = [
  "created_at",
  "updated_at",
  "due_date",
  "priority",
  "status",
  "title",
] as const;
export type TaskOrderField = (typeof TASK_ORDER_FIELDS)[number];

export const TASK_ORDERINGS = TASK_ORDER_FIELDS.flatMap((f) => [f, `-${f}`] as const);
export type TaskOrdering = (typeof TASK_ORDERINGS)[number];

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** "TODO,DONE" or a repeated parameter: both arrive here as one comma-joined string. */
function commaList<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1, "Give at least one value."));
}

/** GET /api/tasks/ query string, as the route and the dashboard's table both parse it. */
export const taskListQuerySchema = z
  .object({
    page: pageOrLastParam,
    page_size: pageSizeParam(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, "Tasks"),
    status: commaList(taskStatusSchema)
      .optional()
      .meta({
        description:
          "One status, or several comma-separated (or the parameter repeated): any of them.",
        [QUERY_PARAMETER_DOC]: commaListDoc(TASK_STATUSES),
      }),
    priority: commaList(taskPrioritySchema)
      .optional()
      .meta({
        description:
          "One priority, or several comma-separated (or the parameter repeated): any of them.",
        [QUERY_PARAMETER_DOC]: commaListDoc(TASK_PRIORITIES),
      }),
    assigned_to: userIdSchema.optional(),
    created_by: userIdSchema.optional(),
    due_before: isoDateSchema.optional().meta({
      description: "Tasks due on or before this date (YYYY-MM-DD); undated tasks are left out.",
    }),
    due_after: isoDateSchema.optional().meta({
      description: "Tasks due on or after this date (YYYY-MM-DD); undated tasks are left out.",
    }),
    overdue: queryBoolean.optional().meta({
      description:
        "true: tasks not DONE whose due date is before today in the server's TIME_ZONE (UTC unless set); false: the others.",
    }),
    search: searchSchema("title and description"),
    ordering: z
      .enum(TASK_ORDERINGS, {
        message: `Ordering must be one of: ${TASK_ORDERINGS.join(", ")}.`,
      })
      .default("-created_at")
      .meta({
        description:
          "Sort field, `-` for descending; ties go by id. By due date, undated tasks come after every dated one (first with `-due_date`). `status` sorts in the workflow's order (TODO, IN_PROGRESS, DONE) and `priority` by rank (LOW, MEDIUM, HIGH, URGENT), not alphabetically.",
      }),
    cursor: z.string().max(2000, "Invalid cursor.").optional(),
  })
  .meta({ id: "TaskListQuery" });

export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

/** The list's filters alone: what an export or "select all matching" takes every task of. */
export const taskFilterQuerySchema = taskListQuerySchema
  .omit({ page: true, page_size: true, ordering: true, cursor: true })
  .meta({ id: "TaskFilterQuery" });

const LIST_PARAMS = new Set(["status", "priority"]);

/** The query string as the schema reads it: one value a parameter, lists joined by commas. */
export function taskListQueryValues(params: URLSearchParams): Record<string, string> {
  return queryValues(params, LIST_PARAMS);
}

/**
 * The filters of a list's query string, its paging and ordering set aside whatever they hold
 * (defaults in their place); 400 {detail, errors} for an invalid filter.
 */
export function parseTaskFilterQuery(params: URLSearchParams): TaskListQuery {
  const filters = new URLSearchParams(params);
  for (const name of PAGING_PARAMS) filters.delete(name);
  return parseTaskListQuery(filters);
}

/** URLSearchParams → TaskListQuery; 400 {detail, errors} for any invalid value. */
export function parseTaskListQuery(params: URLSearchParams): TaskListQuery {
  const parsed = taskListQuerySchema.safeParse(taskListQueryValues(params));
  if (!parsed.success) {
    // "status.1" → "status": the client sent one parameter, whatever position was wrong.
    const errors = fieldErrors(parsed.error).map((e) => ({ ...e, field: e.field.split(".")[0] }));
    throw badRequest("Invalid query parameters.", { errors });
  }
  return parsed.data;
}

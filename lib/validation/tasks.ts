import { z } from "zod";
import { withoutFields } from "./read-only-fields";
import { UNDATED_DUE_SORT } from "@/lib/domain/due-sort";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/domain/enums";
import { idSchema } from "./ids";
import {
  directionControlMessage,
  hasVisibleCharacter,
  halfCharacterMessage,
  wholeCharacters,
  withoutControl,
  withoutDirectionControl,
} from "./visible-text";

export const taskStatusSchema = z.enum(TASK_STATUSES).meta({ id: "TaskStatus" });
export const taskPrioritySchema = z.enum(TASK_PRIORITIES).meta({ id: "TaskPriority" });

/**
 * The first day a date may be: MariaDB's documented DATE range starts there, and year 0, which
 * ISO allows, is one that Python's date (the reference's clients) cannot hold.
 */
export const EARLIEST_DATE = "1000-01-01";
export const DATE_RANGE_MESSAGE = `Enter a date from ${EARLIEST_DATE} to 9999-12-31.`;

/**
 * A calendar date, "YYYY-MM-DD", that really exists (no 2026-02-30), of any year: what a stored
 * date may be (one saved before EARLIEST_DATE applied, too).
 */
export const calendarDateSchema = z.iso.date({
  error: (issue) => dateMessage(issue.input),
  // Not a date at all: its range is no further news.
  abort: true,
});

/** Why a value is not a calendar date: its shape, or (2026-02-30) a day no calendar has. */
export function dateMessage(value: unknown): string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `${value} is not a real date.`
    : "Enter a date as YYYY-MM-DD.";
}

/** A date a client may give: a calendar date from EARLIEST_DATE on. */
export const isoDateSchema = calendarDateSchema.refine(
  (value) => value >= EARLIEST_DATE,
  DATE_RANGE_MESSAGE,
);

/** The last day a task may be due: the day before the one where undated tasks sort. */
export const LATEST_DUE_DATE = new Date(Date.parse(UNDATED_DUE_SORT) - 86_400_000)
  .toISOString()
  .slice(0, 10);
export const DUE_DATE_RANGE_MESSAGE = `Enter a due date from ${EARLIEST_DATE} to ${LATEST_DUE_DATE}.`;

/** Whether a calendar date may be a task's due date. */
export function isDueDateInRange(date: string): boolean {
  return date >= EARLIEST_DATE && date <= LATEST_DUE_DATE;
}

/** A task's due date as a client gives it. */
const dueDateSchema = calendarDateSchema.refine(isDueDateInRange, DUE_DATE_RANGE_MESSAGE);

export const userIdSchema = idSchema("Must be a user id.");
export const taskIdSchema = idSchema("Must be a task id.");
/** The version a browser last saw, for a write's optimistic-concurrency check. */
export const taskVersionSchema = z.int("Must be a task version.").min(1, "Must be a task version.");

/** Characters (code points) a title and a description may hold; the CSV checks use them too. */
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 10_000;
export const TITLE_TOO_LONG = `Title must be at most ${TITLE_MAX} characters.`;
export const DESCRIPTION_TOO_LONG = `Description must be at most ${DESCRIPTION_MAX.toLocaleString("en-US")} characters.`;

export const TITLE_CONTROL_MESSAGE = "Title must not contain control characters.";
export const DESCRIPTION_CONTROL_MESSAGE = "Description must not contain control characters.";
export const TITLE_DIRECTION_MESSAGE = directionControlMessage("Title");

export const taskTitleSchema = z
  .string({
    error: (issue) => (issue.input == null ? "Title is required." : "Title must be text."),
  })
  .trim()
  // Aborts: "" is not also reported as having nothing visible.
  .min(1, { message: "Title is required.", abort: true })
  .max(TITLE_MAX, TITLE_TOO_LONG)
  .refine(withoutControl, TITLE_CONTROL_MESSAGE)
  .refine(wholeCharacters, halfCharacterMessage("Title"))
  .refine(withoutDirectionControl, TITLE_DIRECTION_MESSAGE)
  .refine(hasVisibleCharacter, "Title is required.");
export const taskDescriptionSchema = z
  .string()
  .max(DESCRIPTION_MAX, DESCRIPTION_TOO_LONG)
  .refine(withoutControl, DESCRIPTION_CONTROL_MESSAGE)
  .refine(wholeCharacters, halfCharacterMessage("Description"));

/** POST /api/tasks/ and each item of bulk-create; the form of /tasks/new uses it too. */
export const createTaskSchema = z
  .strictObject({
    title: taskTitleSchema,
    description: taskDescriptionSchema.default(""),
    status: taskStatusSchema.default("TODO"),
    priority: taskPrioritySchema.default("MEDIUM"),
    due_date: dueDateSchema.nullable().default(null),
    assigned_to: userIdSchema.nullable().default(null),
  })
  .meta({ id: "TaskCreate" });

/** The fields a task's writer may set, without defaults. */
const editableTaskFields = {
  title: taskTitleSchema,
  description: taskDescriptionSchema,
  status: taskStatusSchema,
  priority: taskPrioritySchema,
  due_date: dueDateSchema.nullable(),
  assigned_to: userIdSchema.nullable(),
};

/** PATCH: any subset of the editable fields. */
export const updateTaskSchema = z
  .strictObject(editableTaskFields)
  .partial()
  .meta({ id: "TaskUpdate" });

/**
 * PUT, as DRF's ModelSerializer has it: the required field (`title`) must be sent, and an
 * optional field left out keeps its value rather than falling back to its default.
 */
export const replaceTaskSchema = z
  .strictObject(editableTaskFields)
  .partial()
  .extend({ title: taskTitleSchema })
  .meta({ id: "TaskReplace" });

export type CreateTaskInput = z.infer<typeof createTaskSchema>;
export type UpdateTaskInput = z.infer<typeof updateTaskSchema>;
export type ReplaceTaskInput = z.infer<typeof replaceTaskSchema>;

export const userRefSchema = z
  .object({ id: z.number().int(), email: z.string(), full_name: z.string() })
  .meta({ id: "UserRef" });

/** A task as every API response and every page receives it. */
export const taskSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string(),
    status: taskStatusSchema,
    priority: taskPrioritySchema,
    assigned_to: z.number().int().nullable(),
    created_by: z.number().int(),
    due_date: z.string().nullable(),
    is_overdue: z.boolean().meta({
      description:
        "Not DONE and due before today, the day being the server's TIME_ZONE's (UTC unless set).",
    }),
    version: z.number().int(),
    /** The CSV import that created the task (GET /api/tasks/{id}/activity/ shows it), if any. */
    import_id: z.number().int().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    assignee: userRefSchema.nullable(),
    creator: userRefSchema,
  })
  .meta({ id: "Task" });

export type TaskDto = z.infer<typeof taskSchema>;
export type UserRef = z.infer<typeof userRefSchema>;

/** The fields of a task response that no write sets (id, version, timestamps, joined users…). */
export const READ_ONLY_TASK_FIELDS: ReadonlySet<string> = new Set(
  Object.keys(taskSchema.shape).filter((field) => !(field in editableTaskFields)),
);

/** The top-level field names of a parsed JSON body (none unless it is an object). */
export function jsonFieldNames(data: unknown): string[] {
  return data !== null && typeof data === "object" && !Array.isArray(data) ? Object.keys(data) : [];
}

/**
 * A write's body (create, bulk-create item, PUT, PATCH) without the read-only response fields,
 * which DRF ignores: a client may send back a task as GET returned it, with a field changed, or
 * copy one. Any other unknown field is still an error.
 */
export function withoutReadOnlyTaskFields(body: unknown): unknown {
  return withoutFields(body, READ_ONLY_TASK_FIELDS);
}

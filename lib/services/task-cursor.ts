import { z } from "zod";
import { badRequest } from "@/lib/http/errors";
import { calendarDateSchema } from "@/lib/validation/tasks";
import { UNDATED_DUE_SORT } from "@/lib/domain/due-sort";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/domain/enums";
import {
  TASK_ORDERINGS,
  type TaskOrderField,
  type TaskOrdering,
} from "@/lib/validation/task-query";

/** Where a keyset page ends: the sort key of its last row and that row's id (the tie-break). */
export type TaskCursor = { ordering: TaskOrdering; value: string; id: number };

const payloadSchema = z.tuple([
  z.enum(TASK_ORDERINGS),
  z.string().max(400).nullable(),
  z.number().int().positive(),
]);

// Real calendar dates and times (no 2026-02-30 or 25:00), in the form the columns are read back in.
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;
const calendarDateTime = z.iso.datetime({ precision: 3, local: true });

function isDateTime(value: string | null): boolean {
  return (
    value !== null &&
    DATETIME.test(value) &&
    calendarDateTime.safeParse(value.replace(" ", "T")).success
  );
}

/** A forged sort value must never reach SQL as something the column cannot hold. */
const SORT_VALUE_CHECKS: Record<TaskOrderField, (value: string | null) => boolean> = {
  created_at: isDateTime,
  updated_at: isDateTime,
  // Any stored date, an early one kept from before the API's lower bound too.
  due_date: (v) => v === null || calendarDateSchema.safeParse(v).success,
  priority: (v) => TASK_PRIORITIES.some((p) => p === v),
  status: (v) => TASK_STATUSES.some((s) => s === v),
  title: (v) => v !== null,
};

export function fieldOf(ordering: TaskOrdering): TaskOrderField {
  return (ordering.startsWith("-") ? ordering.slice(1) : ordering) as TaskOrderField;
}

/** Opaque to clients: base64url of [ordering, last sort value, last id]. */
export function encodeCursor(cursor: TaskCursor): string {
  return Buffer.from(JSON.stringify([cursor.ordering, cursor.value, cursor.id])).toString(
    "base64url",
  );
}

/** 400 when the cursor is not one we issued, or was issued for another ordering. */
export function decodeCursor(token: string, ordering: TaskOrdering): TaskCursor {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    payload = null;
  }
  const parsed = payloadSchema.safeParse(payload);
  const invalid = badRequest("Invalid cursor.", {
    errors: [{ field: "cursor", message: "Invalid cursor." }],
  });
  if (!parsed.success) throw invalid;
  const [cursorOrdering, value, id] = parsed.data;
  if (!SORT_VALUE_CHECKS[fieldOf(cursorOrdering)](value)) throw invalid;
  if (cursorOrdering !== ordering) {
    throw badRequest("Invalid cursor.", {
      errors: [{ field: "cursor", message: "This cursor belongs to another ordering." }],
    });
  }
  // Cursors issued before undated tasks sorted last carry null for them (drizzle/0010).
  return { ordering, value: value ?? UNDATED_DUE_SORT, id };
}

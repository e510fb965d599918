import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { ActivityKind } from "@/lib/domain/enums";

/** One audit event; `actorId` null means the system (command line, seed). */
export type ActivityEntry = {
  kind: ActivityKind;
  actorId: number | null;
  taskId?: number | null;
  subjectUserId?: number | null;
  importId?: number | null;
  field?: string | null;
  fromValue?: string | null;
  toValue?: string | null;
};

/**
 * Writes audit rows with the executor of the caller's transaction, so an event is stored
 * exactly when its change is. Many rows go in one multi-row INSERT, written as plain SQL: every
 * write runs it, and the query builder nearly doubled its CPU.
 */
export async function recordActivity(tx: Executor, entries: ActivityEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(
    (e) =>
      sql`(${e.kind}, ${e.actorId}, ${e.taskId ?? null}, ${e.subjectUserId ?? null}, ${e.importId ?? null}, ${e.field ?? null}, ${e.fromValue ?? null}, ${e.toValue ?? null})`,
  );
  await tx.execute(
    sql`INSERT INTO activity (kind, actor_id, task_id, subject_user_id, import_id, field, from_value, to_value) VALUES ${sql.join(rows, sql`, `)}`,
  );
}

/** An audit value as text: null stays null, everything else is stringified. */
export function activityValue(value: string | number | null | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** The event a change of one task field is recorded as, by a single write or a bulk one. */
export function fieldChangeKind(field: string): ActivityKind {
  if (field === "status") return "TASK_STATUS_CHANGED";
  if (field === "assigned_to") return "TASK_ASSIGNED";
  return "TASK_UPDATED";
}

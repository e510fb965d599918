import { and, asc, desc, eq, gt, inArray, or } from "drizzle-orm";
import { db } from "@/db/client";
import { activity, users } from "@/db/schema";
import type { ActivityKind } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import { can, canOnTask } from "@/lib/auth/policy";
import { notFound } from "@/lib/http/errors";
import type { UserRef } from "@/lib/validation/tasks";
import { loadTaskRecord } from "./task-records";

export type ActivityDto = {
  id: number;
  kind: ActivityKind;
  field: string | null;
  from_value: string | null;
  to_value: string | null;
  created_at: string;
  actor: UserRef | null;
  task_id: number | null;
};

/**
 * Which part of a history to read: `limit` events, oldest first after event `after`, or the newest
 * first. A history has no end (every accepted write adds to it), so every read has a limit.
 */
export type ActivityWindow =
  { order: "oldest"; after?: number; limit: number } | { order: "newest"; limit: number };

/** The events read, and whether the history holds more beyond them. */
export type ActivitySlice = { events: ActivityDto[]; more: boolean };

/**
 * A task's history, beginning with its import's TASK_IMPORTED event when a CSV import created it
 * (an import writes one event, not one per task). Visible to whoever may read the task; the
 * history of a deleted task only to those who may read every activity (admins).
 */
export async function listTaskActivity(
  actor: Actor,
  taskId: number,
  window: ActivityWindow,
): Promise<ActivitySlice> {
  const task = await loadTaskRecord(db(), taskId);
  if (task ? !canOnTask(actor, "task.read", task) : !can(actor, "activity.readAll")) {
    throw notFound();
  }
  const rows = await db()
    .select({
      id: activity.id,
      kind: activity.kind,
      field: activity.field,
      fromValue: activity.fromValue,
      toValue: activity.toValue,
      createdAt: activity.createdAt,
      taskId: activity.taskId,
      actorId: users.id,
      actorEmail: users.email,
      actorFullName: users.fullName,
    })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(
      and(
        task?.importId
          ? or(
              eq(activity.taskId, taskId),
              and(eq(activity.importId, task.importId), eq(activity.kind, "TASK_IMPORTED")),
            )
          : eq(activity.taskId, taskId),
        window.order === "oldest" && window.after ? gt(activity.id, window.after) : undefined,
      ),
    )
    .orderBy(window.order === "oldest" ? asc(activity.id) : desc(activity.id))
    .limit(window.limit + 1);
  const continued = window.order === "oldest" && window.after !== undefined;
  if (!task && rows.length === 0 && !continued) throw notFound();
  // An import's file name and size are for its importer and admins: others see only that it happened.
  const hidesImport = (kind: ActivityKind, importerId: number | null) =>
    kind === "TASK_IMPORTED" && importerId !== actor.id && !can(actor, "activity.readAll");
  const events = rows.slice(0, window.limit).map((r) => ({
    id: r.id,
    kind: r.kind,
    field: hidesImport(r.kind, r.actorId) ? null : r.field,
    from_value: r.fromValue,
    to_value: hidesImport(r.kind, r.actorId) ? null : r.toValue,
    created_at: r.createdAt.toISOString(),
    actor:
      r.actorId === null
        ? null
        : { id: r.actorId, email: r.actorEmail ?? "", full_name: r.actorFullName ?? "" },
    task_id: r.taskId,
  }));
  return { events, more: rows.length > window.limit };
}

/**
 * The names of everyone a history's assignee changes name, looked up whatever their role or
 * standing now: whoever may read a task's history may read who had it.
 */
export async function assigneeNamesIn(
  events: readonly ActivityDto[],
): Promise<Map<number, string>> {
  const ids = new Set<number>();
  for (const event of events) {
    if (event.field !== "assigned_to") continue;
    for (const value of [event.from_value, event.to_value]) {
      const id = Number(value);
      if (value && Number.isSafeInteger(id)) ids.add(id);
    }
  }
  if (ids.size === 0) return new Map();
  const rows = await db()
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.fullName]));
}

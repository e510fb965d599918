import { lockActingUser } from "./acting-user";
import { inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tasks, type TaskRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { BULK_ACTION_POLICY, canOnTask } from "@/lib/auth/policy";
import { badRequest, forbidden, notFound, preconditionFailed } from "@/lib/http/errors";
import { countOf } from "@/lib/text/count-of";
import { someTitles } from "@/lib/text/some-titles";
import { MAX_BULK_TASKS, type BulkTaskAction } from "@/lib/validation/task-bulk";
import { parseTaskFilterQuery } from "@/lib/validation/task-query";
import { activityValue, fieldChangeKind, recordActivity, type ActivityEntry } from "./activity";
import { assertAssignable } from "./assignees";
import { deletionCounters, lockCounters, reassignmentCounters } from "./task-counter-locks";
import { inTransaction } from "./transaction";
import { listTasks } from "./task-list";
import { assertMaySendFields } from "./tasks";

export type BulkTaskResult = { action: BulkTaskAction["action"]; matched: number; changed: number };

type FieldAction = Exclude<BulkTaskAction, { action: "delete" }>;

function target(input: FieldAction) {
  switch (input.action) {
    case "status":
      return { field: "status", column: "status", value: input.status } as const;
    case "priority":
      return { field: "priority", column: "priority", value: input.priority } as const;
    case "reassign":
      return { field: "assigned_to", column: "assignedTo", value: input.assigned_to } as const;
  }
}

/** Every selected task must be visible (else 404, as for one task) and allowed (else 403). */
function assertAllowed(actor: Actor, input: BulkTaskAction, rows: Map<number, TaskRow>): void {
  if (input.action !== "delete") assertMaySendFields(actor, [target(input).field]);
  const action = BULK_ACTION_POLICY[input.action];
  for (const id of input.ids) {
    const row = rows.get(id);
    if (!row || !canOnTask(actor, "task.read", row)) throw notFound(`Task ${id} was not found.`);
    if (!canOnTask(actor, action, row)) {
      throw forbidden(`You may not change “${row.title}” (task ${id}); nothing was changed.`);
    }
  }
}

/**
 * 412 when a task the table showed has changed since (its `seen` version is not the row's), naming
 * the first few: as the task page refuses to save or delete over a change it did not show.
 */
function assertUnchangedSince(input: BulkTaskAction, rows: Map<number, TaskRow>): void {
  const changed = (input.seen ?? []).flatMap(({ id, version }) => {
    const row = rows.get(id);
    return row && row.version !== version ? [row] : [];
  });
  if (changed.length === 0) return;
  const named = someTitles(changed.map((row) => row.title));
  throw preconditionFailed(
    `Someone changed ${countOf(changed.length, "selected task")} since the table was loaded (${named}); nothing was changed.`,
  );
}

async function applyDelete(tx: Executor, actor: Actor, rows: TaskRow[]): Promise<number> {
  await lockCounters(tx, rows.flatMap(deletionCounters));
  await tx.delete(tasks).where(
    inArray(
      tasks.id,
      rows.map((r) => r.id),
    ),
  );
  await recordActivity(
    tx,
    rows.map((row) => ({
      kind: "TASK_DELETED",
      actorId: actor.id,
      taskId: row.id,
      field: "title",
      fromValue: row.title,
    })),
  );
  return rows.length;
}

async function applyField(
  tx: Executor,
  actor: Actor,
  input: FieldAction,
  rows: TaskRow[],
): Promise<number> {
  const { field, column, value } = target(input);
  if (input.action === "reassign" && input.assigned_to !== null) {
    await assertAssignable(tx, actor, input.assigned_to);
  }
  const changed = rows.filter((row) => row[column] !== value);
  if (changed.length === 0) return 0;
  if (input.action === "reassign") {
    await lockCounters(
      tx,
      changed.flatMap((row) => reassignmentCounters(row, input.assigned_to)),
    );
  }
  await tx
    .update(tasks)
    .set({
      [column]: value,
      version: sql`${tasks.version} + 1`,
      updatedAt: sql`CURRENT_TIMESTAMP(3)`,
    })
    .where(
      inArray(
        tasks.id,
        changed.map((r) => r.id),
      ),
    );
  const entries: ActivityEntry[] = changed.map((row) => ({
    kind: fieldChangeKind(field),
    actorId: actor.id,
    taskId: row.id,
    field,
    fromValue: activityValue(row[column]),
    toValue: activityValue(value),
  }));
  await recordActivity(tx, entries);
  return changed.length;
}

/**
 * Applies one action to many tasks in one transaction: the rows are locked, the policy is asked
 * for each task, and either every task changes (each with its activity row) or none does. A
 * transaction InnoDB rolls back to break a deadlock is run again, as for single-task writes.
 */
export async function applyBulkTaskAction(
  actor: Actor,
  input: BulkTaskAction,
): Promise<BulkTaskResult> {
  return inTransaction(async (tx) => {
    await lockActingUser(tx, actor);
    const locked = await tx.select().from(tasks).where(inArray(tasks.id, input.ids)).for("update");
    const rows = new Map(locked.map((row) => [row.id, row]));
    assertAllowed(actor, input, rows);
    assertUnchangedSince(input, rows);
    const selected = input.ids.map((id) => rows.get(id)!);
    const changed =
      input.action === "delete"
        ? await applyDelete(tx, actor, selected)
        : await applyField(tx, actor, input, selected);
    return { action: input.action, matched: selected.length, changed };
  });
}

/** A task as "select all matching" found it: what a bulk action then names, at that version. */
export type MatchingTask = { id: number; version: number };

/**
 * Every task the actor's list shows under `filters` (a list's query string; its page, size, order
 * and cursor are ignored), with its version: the table's "select all matching", so that a task
 * changed after the user chose them is not changed unseen. Read in one statement, so one
 * snapshot: read page by page, tasks that left or joined the list between two pages were changed
 * or skipped. More than a bulk action takes is a 400 that says so, rather than a change to some
 * of them.
 */
export async function matchingTasks(actor: Actor, filters: string): Promise<MatchingTask[]> {
  const query = {
    ...parseTaskFilterQuery(new URLSearchParams(filters)),
    page: 1,
    page_size: MAX_BULK_TASKS,
  };
  const { count, results } = await listTasks(actor, query);
  if (count > MAX_BULK_TASKS) {
    throw badRequest(
      `${count} tasks match; a bulk change takes at most ${MAX_BULK_TASKS}. Narrow the filters.`,
    );
  }
  return results.map(({ id, version }) => ({ id, version }));
}

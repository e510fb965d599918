import { eq, sql } from "drizzle-orm";
import { db, selectRows, writeResult, type Executor } from "@/db/client";
import { tasks, type TaskRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can, canOnTask, limitedToStatusChanges } from "@/lib/auth/policy";
import { forbidden, notFound, preconditionFailed } from "@/lib/http/errors";
import {
  jsonFieldNames,
  withoutReadOnlyTaskFields,
  type CreateTaskInput,
  type ReplaceTaskInput,
  type TaskDto,
  type UpdateTaskInput,
} from "@/lib/validation/tasks";
import { activityValue, fieldChangeKind, recordActivity, type ActivityEntry } from "./activity";
import { lockActingUser } from "./acting-user";
import { assertAssignable } from "./assignees";
import { lockCounters, reassignmentCounters } from "./task-counter-locks";
import { inTransaction } from "./transaction";
import { loadTaskRecord, TASK_ROW_COLUMNS, taskRowFromSqlRow, toTaskDto } from "./task-records";

export { assigneeNamesIn, listTaskActivity, type ActivityDto } from "./task-activity";
export { toTaskDto } from "./task-records";
export { lastPageOf, listScope, listTasks, type TaskPage } from "./task-list";

/** `expectedVersions`: the versions the write may apply to (If-Match); absent, any. */
export type WriteOptions = { expectedVersions?: readonly number[] };

export const EMPLOYEE_EDIT_DETAIL = "You can only update task status.";

/** 404 "Not found." when the task is absent or outside the actor's view (no probing of ids). */
export async function getTask(actor: Actor, id: number): Promise<TaskDto> {
  const record = await loadTaskRecord(db(), id);
  if (!record || !canOnTask(actor, "task.read", record)) throw notFound();
  return toTaskDto(record);
}

/** 403 for a role that may not create tasks: asked before the body is read, and again here. */
export function assertMayCreateTask(actor: Actor): void {
  if (!can(actor, "task.create")) throw forbidden();
}

export async function createTask(actor: Actor, input: CreateTaskInput): Promise<TaskDto> {
  assertMayCreateTask(actor);
  return inTransaction((tx) => insertTask(tx, actor, input));
}

/** createTask's writes, inside the caller's transaction: the task, its activity row, the result. */
export async function insertTask(
  tx: Executor,
  actor: Actor,
  input: CreateTaskInput,
): Promise<TaskDto> {
  await lockActingUser(tx, actor);
  if (input.assigned_to !== null) await assertAssignable(tx, actor, input.assigned_to);
  const [created] = await tx
    .insert(tasks)
    .values({
      title: input.title,
      description: input.description,
      status: input.status,
      priority: input.priority,
      dueDate: input.due_date,
      assignedTo: input.assigned_to,
      createdBy: actor.id,
    })
    .$returningId();
  const id = created!.id;
  await recordActivity(tx, [
    { kind: "TASK_CREATED", actorId: actor.id, taskId: id, field: "title", toValue: input.title },
  ]);
  return toTaskDto((await loadTaskRecord(tx, id))!);
}

/**
 * Locks the task row for the rest of the transaction, so concurrent writes queue instead of racing.
 * Plain SQL: every write starts here, and the query builder more than doubled its CPU.
 */
async function lockVisibleTask(tx: Executor, actor: Actor, id: number): Promise<TaskRow> {
  const rows = await selectRows<Record<string, unknown>>(
    tx,
    sql`SELECT ${sql.raw(TASK_ROW_COLUMNS)} FROM tasks WHERE id = ${id} LIMIT 1 FOR UPDATE`,
  );
  const row = rows[0] ? taskRowFromSqlRow(rows[0]) : null;
  if (!row || !canOnTask(actor, "task.read", row)) throw notFound();
  return row;
}

/** 412 when If-Match named other versions; asked after the permission, so a 412 never hides a 403. */
function assertExpectedVersion(row: TaskRow, options: WriteOptions): void {
  if (options.expectedVersions && !options.expectedVersions.includes(row.version)) {
    throw preconditionFailed();
  }
}

type Change = {
  column: keyof typeof EDITABLE;
  from: string | number | null;
  to: string | number | null;
};

/** API field → column, in the order activity rows are written. */
const EDITABLE = {
  title: "title",
  description: "description",
  status: "status",
  priority: "priority",
  due_date: "dueDate",
  assigned_to: "assignedTo",
} as const;

function changesOf(row: TaskRow, input: UpdateTaskInput): Change[] {
  const changes: Change[] = [];
  for (const field of Object.keys(EDITABLE) as (keyof typeof EDITABLE)[]) {
    if (!(field in input) || input[field] === undefined) continue;
    const from = row[EDITABLE[field]];
    const to = input[field] as string | number | null;
    if (from !== to) changes.push({ column: field, from, to });
  }
  return changes;
}

function activityFor(actor: Actor, taskId: number, change: Change): ActivityEntry {
  return {
    kind: fieldChangeKind(change.column),
    actorId: actor.id,
    taskId,
    field: change.column,
    fromValue: activityValue(change.from),
    toValue: activityValue(change.to),
  };
}

/** The role's part of the policy for a write that sends `fields`, whichever task it names. */
function maySendFields(actor: Actor, fields: readonly string[]): boolean {
  return !limitedToStatusChanges(actor.role) || fields.every((f) => f === "status");
}

export function assertMaySendFields(actor: Actor, fields: readonly string[]): void {
  if (!maySendFields(actor, fields)) throw forbidden(EMPLOYEE_EDIT_DETAIL);
}

/**
 * A PATCH or PUT body of task `id` as the schema should see it. The API asks it before validating,
 * so an employee sending any key but status, valid or not and read-only ones too, gets 403 (the
 * reference lets employees send the status only) — once a task outside their view has been 404,
 * as every request for it is. Then the task's read-only response fields are dropped, as DRF
 * ignores them.
 */
export async function taskWriteBody(actor: Actor, id: number, body: unknown): Promise<unknown> {
  if (!maySendFields(actor, jsonFieldNames(body))) {
    await getTask(actor, id);
    throw forbidden(EMPLOYEE_EDIT_DETAIL);
  }
  return withoutReadOnlyTaskFields(body);
}

/**
 * The policy check for a write that sends `sent`, before anything depends on the task's current
 * values: the fields the role may send, and some right to write this task at all.
 */
function assertMayWriteTask(actor: Actor, row: TaskRow, sent: readonly string[]): void {
  assertMaySendFields(actor, sent);
  if (!canOnTask(actor, "task.edit", row) && !canOnTask(actor, "task.changeStatus", row)) {
    throw forbidden();
  }
}

/**
 * The policy check for what the write really changes: a field sent with the value it already has
 * (a task sent back as GET returned it) is no edit. Judged against the current values, so after
 * the If-Match check: a client holding an old version gets 412, not a 403 for fields others
 * changed since.
 */
function assertMayChange(actor: Actor, row: TaskRow, changed: readonly string[]): void {
  if (changed.some((f) => f !== "status")) {
    if (!canOnTask(actor, "task.edit", row)) throw forbidden();
  } else if (!canOnTask(actor, "task.changeStatus", row)) {
    throw forbidden();
  }
}

/**
 * PATCH semantics: only the fields present change. Every accepted write bumps `version` by one
 * (a write that changes nothing is recorded as a TASK_UPDATED "touch"), in the same transaction
 * as its activity rows.
 */
export async function updateTask(
  actor: Actor,
  id: number,
  input: UpdateTaskInput,
  options: WriteOptions = {},
): Promise<TaskDto> {
  return inTransaction(async (tx) => {
    await lockActingUser(tx, actor);
    const row = await lockVisibleTask(tx, actor, id);
    const fields = Object.keys(input).filter(
      (k) => input[k as keyof UpdateTaskInput] !== undefined,
    );
    assertMayWriteTask(actor, row, fields);
    assertExpectedVersion(row, options);
    const changes = changesOf(row, input);
    assertMayChange(
      actor,
      row,
      changes.map((c) => c.column),
    );
    const reassignment = changes.find((c) => c.column === "assigned_to");
    if (reassignment) {
      const to = typeof reassignment.to === "number" ? reassignment.to : null;
      if (to !== null) await assertAssignable(tx, actor, to);
      await lockCounters(tx, reassignmentCounters(row, to));
    }

    const assignments = changes.map(
      (c) => sql`${sql.identifier(tasks[EDITABLE[c.column]].name)} = ${c.to}`,
    );
    const result = await writeResult(
      tx,
      sql`UPDATE tasks SET ${sql.join(
        [...assignments, sql`version = version + 1, updated_at = CURRENT_TIMESTAMP(3)`],
        sql`, `,
      )} WHERE id = ${id} AND version = ${row.version}`,
    );
    // The row is locked, so this only fails if someone bypassed the lock: never lose a write silently.
    if (result.affectedRows !== 1) throw preconditionFailed();

    const entries = changes.map((c) => activityFor(actor, id, c));
    await recordActivity(
      tx,
      entries.length > 0 ? entries : [{ kind: "TASK_UPDATED", actorId: actor.id, taskId: id }],
    );
    return toTaskDto((await loadTaskRecord(tx, id))!);
  });
}

/** PUT: the fields sent are set, `title` always; one left out keeps its value, as in DRF. */
export async function replaceTask(
  actor: Actor,
  id: number,
  input: ReplaceTaskInput,
  options: WriteOptions = {},
): Promise<TaskDto> {
  return updateTask(actor, id, input, options);
}

export async function deleteTask(
  actor: Actor,
  id: number,
  options: WriteOptions = {},
): Promise<void> {
  await inTransaction(async (tx) => {
    await lockActingUser(tx, actor);
    const row = await lockVisibleTask(tx, actor, id);
    if (!canOnTask(actor, "task.delete", row)) throw forbidden();
    assertExpectedVersion(row, options);
    await tx.delete(tasks).where(eq(tasks.id, id));
    await recordActivity(tx, [
      { kind: "TASK_DELETED", actorId: actor.id, taskId: id, field: "title", fromValue: row.title },
    ]);
  });
}

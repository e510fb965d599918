import { countOf } from "@/lib/text/count-of";
import type { ResultSetHeader } from "mysql2/promise";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { config } from "@/lib/config";
import { topLevelArrayLength } from "@/lib/http/json-array-size";
import {
  badRequest,
  fieldErrors,
  forbidden,
  payloadTooLarge,
  type FieldError,
} from "@/lib/http/errors";
import { bulkCreateEnvelopeSchema } from "@/lib/validation/bulk-create";
import {
  createTaskSchema,
  withoutReadOnlyTaskFields,
  type CreateTaskInput,
} from "@/lib/validation/tasks";
import { lockActingUser } from "./acting-user";
import { AssigneeDirectory } from "./bulk-assignees";
import { ErrorLog } from "./bulk-errors";
import { BulkTransaction, INSERT_BATCH_ROWS, type TaskInsertRow } from "./bulk-transaction";
import { retryOrBusy } from "./transaction";
import {
  answerOnce,
  commitWithResponse,
  sha256Hex,
  type IdempotencyScope,
  type StoredResponse,
} from "./idempotency";

const EMPTY_LIST = "The list of tasks is empty.";

export const BULK_CREATE_ENDPOINT = "tasks.bulk-create";

type ItemError = { index: number; field: string; message: string };

/** Each created task's TASK_CREATED event, as createTask writes it (a plain multi-row INSERT). */
const RECORD_CREATED = "INSERT INTO activity (kind, actor_id, task_id, field, to_value) VALUES ?";

/** Each item as createTaskSchema reads it (a task's read-only fields ignored), or its field errors, by index. */
type ParsedItems = { inputs: CreateTaskInput[]; schemaErrors: Map<number, FieldError[]> };

function parseItems(items: unknown[]): ParsedItems {
  const inputs: CreateTaskInput[] = [];
  const schemaErrors = new Map<number, FieldError[]>();
  items.forEach((item, index) => {
    const parsed = createTaskSchema.safeParse(withoutReadOnlyTaskFields(item));
    if (parsed.success) inputs[index] = parsed.data;
    else schemaErrors.set(index, fieldErrors(parsed.error));
  });
  return { inputs, schemaErrors };
}

/**
 * Every item checked (the schema's errors, then the assignee rule, with the assignees read and
 * locked in `tx` so that none is deactivated before the commit); all errors, or the inputs.
 * Errors are listed in item order, so the first MAX_REPORTED_ERRORS are the first items'.
 */
async function validateItems(
  tx: BulkTransaction,
  actor: Actor,
  items: unknown[],
  { inputs, schemaErrors }: ParsedItems,
): Promise<CreateTaskInput[]> {
  const orm = await tx.orm();
  await lockActingUser(orm, actor);
  const directory = new AssigneeDirectory(actor);
  await directory.load(
    inputs.flatMap((input) => (input?.assigned_to ? [{ id: input.assigned_to }] : [])),
    orm,
    { lock: true },
  );
  const errors = new ErrorLog<ItemError>();
  let invalid = 0;
  items.forEach((_, index) => {
    const found = schemaErrors.get(index) ?? [];
    const assignee = inputs[index]?.assigned_to;
    if (assignee) {
      const resolved = directory.resolve({ id: assignee });
      if ("problem" in resolved) found.push({ field: "assigned_to", message: resolved.problem });
    }
    if (found.length > 0) invalid += 1;
    for (const error of found) errors.add({ index, ...error });
  });
  if (errors.total > 0) {
    const verb = invalid === 1 ? "is" : "are";
    throw badRequest(
      `${invalid} of ${countOf(items.length, "task")} ${verb} invalid; nothing was created.`,
      {
        errors: errors.items,
        total_errors: errors.total,
      },
    );
  }
  return inputs;
}

async function insertAll(
  tx: BulkTransaction,
  actor: Actor,
  inputs: CreateTaskInput[],
): Promise<number[]> {
  const ids: number[] = [];
  const connection = await tx.conn();
  for (let start = 0; start < inputs.length; start += INSERT_BATCH_ROWS) {
    const rows = inputs
      .slice(start, start + INSERT_BATCH_ROWS)
      .map((t): TaskInsertRow => [
        t.title,
        t.description,
        t.status,
        t.priority,
        t.due_date,
        t.assigned_to,
        actor.id,
        null,
      ]);
    const inserted = await tx.insertTasks(rows);
    ids.push(...inserted);
    const events = rows.map((row, i) => ["TASK_CREATED", actor.id, inserted[i], "title", row[0]]);
    await connection.query<ResultSetHeader>(RECORD_CREATED, [events]);
  }
  return ids;
}

/** 403 for a role that may not bulk-create: the route asks before reading its headers and body. */
export function assertMayBulkCreate(actor: Actor): void {
  if (!can(actor, "task.bulkCreate")) throw forbidden();
}

/**
 * 413 when the body's list holds more than BULK_MAX_ITEMS tasks, judged from the JSON text before
 * it is parsed: 20 MB of `{}` would otherwise become millions of objects (half a gigabyte) first.
 */
export function assertFewEnoughTasks(json: string): void {
  const max = config().BULK_MAX_ITEMS;
  const count = topLevelArrayLength(json, "tasks");
  if (count > max) throw tooManyTasks(count, max);
}

function tooManyTasks(count: number, max: number) {
  return payloadTooLarge(`Too many tasks: ${count}; at most ${max} per request.`);
}

/**
 * POST /api/tasks/bulk-create/: all items validated first; any invalid → 400 listing each by
 * index and nothing written; otherwise one transaction of multi-row inserts → 201.
 * The body is read only after the permission check. With an Idempotency-Key, a retry of the
 * same body replays the first response and a different body is 409.
 */
export async function bulkCreateTasks(
  actor: Actor,
  readBody: () => Promise<unknown>,
  idempotencyKey: string | null,
): Promise<StoredResponse> {
  assertMayBulkCreate(actor);
  const body = await readBody();
  const envelope = bulkCreateEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    throw badRequest('Send {"tasks": [ ... ]}, a list of tasks.', {
      errors: fieldErrors(envelope.error),
    });
  }
  const items = envelope.data.tasks;
  const max = config().BULK_MAX_ITEMS;
  if (items.length > max) throw tooManyTasks(items.length, max);
  if (items.length === 0) {
    throw badRequest(EMPTY_LIST, { errors: [{ field: "tasks", message: EMPTY_LIST }] });
  }

  const scope: IdempotencyScope | null = idempotencyKey
    ? {
        userId: actor.id,
        endpoint: BULK_CREATE_ENDPOINT,
        key: idempotencyKey,
        requestHash: sha256Hex(JSON.stringify(body)),
      }
    : null;
  const parsed = parseItems(items);
  // A deadlock victim was rolled back whole; the inputs are in memory, so run it again.
  const write = () =>
    retryOrBusy(async () => {
      const tx = new BulkTransaction();
      try {
        const inputs = await validateItems(tx, actor, items, parsed);
        const ids = await insertAll(tx, actor, inputs);
        const response = {
          status: 201,
          body: {
            created: ids.length,
            ids,
            message: `${countOf(ids.length, "task")} created successfully`,
          },
        };
        await commitWithResponse(tx, scope, response);
        return { ...response, replayed: false };
      } catch (error) {
        await tx.rollback();
        throw error;
      }
    });
  return scope ? answerOnce(scope, write) : write();
}

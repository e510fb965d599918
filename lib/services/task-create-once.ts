import { db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { taskSchema, type CreateTaskInput, type TaskDto } from "@/lib/validation/tasks";
import {
  findStoredKey,
  isDuplicateKey,
  purgeExpiredKeys,
  replayAfterRace,
  replayStored,
  sha256Hex,
  storeResponse,
  type IdempotencyScope,
  type StoredResponse,
} from "./idempotency";
import { assertMayCreateTask, createTask, insertTask } from "./tasks";
import { inTransaction } from "./transaction";

export const CREATE_TASK_ENDPOINT = "tasks.create";

export type CreatedTask = { task: TaskDto; replayed: boolean };

function replayed(stored: StoredResponse): CreatedTask {
  return { task: taskSchema.parse(stored.body), replayed: true };
}

/**
 * POST /api/tasks/ with an optional Idempotency-Key: a retry of the same task (the same fields
 * once defaults are applied, in whatever key order) replays the first answer instead of creating
 * it twice; another task under the same key is 409. The answer is stored in the create's own
 * transaction, so it exists exactly when the task does.
 */
export async function createTaskOnce(
  actor: Actor,
  input: CreateTaskInput,
  idempotencyKey: string | null,
): Promise<CreatedTask> {
  if (idempotencyKey === null) return { task: await createTask(actor, input), replayed: false };
  assertMayCreateTask(actor);
  const scope: IdempotencyScope = {
    userId: actor.id,
    endpoint: CREATE_TASK_ENDPOINT,
    key: idempotencyKey,
    requestHash: sha256Hex(JSON.stringify(input)),
  };
  const stored = await findStoredKey(db(), scope);
  if (stored) return replayed(replayStored(stored, scope.requestHash));
  try {
    const task = await inTransaction(async (tx) => {
      const created = await insertTask(tx, actor, input);
      await storeResponse(tx, scope, { status: 201, body: created });
      return created;
    });
    await purgeExpiredKeys(db());
    return { task, replayed: false };
  } catch (error) {
    if (isDuplicateKey(error)) return replayed(await replayAfterRace(db(), scope));
    throw error;
  }
}

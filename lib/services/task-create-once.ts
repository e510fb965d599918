import { db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { taskSchema, type CreateTaskInput, type TaskDto } from "@/lib/validation/tasks";
import {
  answerOnce,
  purgeExpiredKeys,
  sha256Hex,
  storeResponse,
  type IdempotencyScope,
} from "./idempotency";
import { assertMayCreateTask, createTask, insertTask } from "./tasks";
import { inTransaction } from "./transaction";

export const CREATE_TASK_ENDPOINT = "tasks.create";

export type CreatedTask = { task: TaskDto; replayed: boolean };

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
  const answer = await answerOnce(scope, async () => {
    const task = await inTransaction(async (tx) => {
      const created = await insertTask(tx, actor, input);
      await storeResponse(tx, scope, { status: 201, body: created });
      return created;
    });
    await purgeExpiredKeys(db());
    return { status: 201, body: task, replayed: false };
  });
  // A replay's task comes from storage: read back through the schema it was written with.
  return { task: taskSchema.parse(answer.body), replayed: answer.replayed };
}

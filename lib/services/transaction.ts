import { setTimeout as sleep } from "node:timers/promises";
import { db, type Executor } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { databaseErrorCode } from "./database-errors";

const ATTEMPTS = 3;

/** InnoDB rolled the whole transaction back to break a deadlock (e.g. on the task_counts rows). */
export function isDeadlock(error: unknown): boolean {
  return databaseErrorCode(error) === "ER_LOCK_DEADLOCK";
}

/**
 * Runs `work` again (up to 3 times in all) while InnoDB picks it as a deadlock victim. InnoDB
 * rolled the whole transaction back, so `work` may simply start over, after a short random pause
 * so that the same writers do not meet again at once; anything else it throws goes to the caller.
 */
async function retryOnDeadlock<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isDeadlock(error)) throw error;
      await sleep(attempt * (5 + Math.random() * 20));
    }
  }
}

const COLLIDED = "Other changes collided with this one; nothing was saved. Send it again.";

/**
 * retryOnDeadlock, then 503 with Retry-After if InnoDB still picks it: nothing was saved, and the
 * client may send it again.
 */
export async function retryOrBusy<T>(work: () => Promise<T>, detail = COLLIDED): Promise<T> {
  try {
    return await retryOnDeadlock(work);
  } catch (error) {
    if (!isDeadlock(error)) throw error;
    throw new ApiError(503, detail, {}, { "Retry-After": "1" });
  }
}

/**
 * Runs `work` in a transaction, and again when InnoDB picks it as a deadlock victim. Writers take
 * shared rows in one order (task-counter-locks.ts), so this is for what no order can rule out.
 */
export function inTransaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
  return retryOrBusy(() => db().transaction(work));
}

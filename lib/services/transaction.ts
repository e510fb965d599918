import { db, type Executor } from "@/db/client";

const ER_LOCK_DEADLOCK = 1213;
const ATTEMPTS = 3;

/** InnoDB rolled the whole transaction back to break a deadlock (e.g. on the task_counts rows). */
export function isDeadlock(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { errno?: unknown }).errno === ER_LOCK_DEADLOCK) return true;
  }
  return false;
}

/**
 * Runs `work` again (up to 3 times in all) while InnoDB picks it as a deadlock victim. InnoDB
 * rolled the whole transaction back, so `work` may simply start over; anything else it throws
 * goes to the caller.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isDeadlock(error)) throw error;
    }
  }
}

/**
 * Runs `work` in a transaction, and again when InnoDB picks it as a deadlock victim, so the caller
 * never sees a spurious 500 when two writers touch the same counters in opposite orders.
 */
export function inTransaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
  return retryOnDeadlock(() => db().transaction(work));
}

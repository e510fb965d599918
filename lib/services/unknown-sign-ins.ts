import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { unknownSignIns } from "@/db/schema";
import { afterFailure } from "@/lib/auth/lockout";
import { logger } from "@/lib/logger";
import { sha256Hex } from "./idempotency";
import { inTransaction } from "./transaction";

/** Kept a week after the last attempt: longer than the longest lockout, so repeats still double. */
const KEPT_DAYS = 7;

/**
 * One more failed sign-in for an email that matches no account, counted as for a real account
 * (lib/services/auth.ts): after `threshold` failures it is locked for the doubling lockout.
 * Returns the lock's end while locked, else null.
 */
export async function recordUnknownAccountFailure(
  email: string,
  threshold: number,
  baseMinutes: number,
): Promise<Date | null> {
  const emailHash = sha256Hex(email);
  const lockedUntil = await inTransaction(async (tx) => {
    // An upsert, not INSERT IGNORE: that takes a shared lock on an existing row, and two guesses
    // both asking to upgrade it to the exclusive lock below deadlocked.
    await tx
      .insert(unknownSignIns)
      .values({ emailHash })
      .onDuplicateKeyUpdate({ set: { emailHash } });
    // Row lock: concurrent guesses cannot lose each other's count, as for users.
    const row = (
      await tx
        .select()
        .from(unknownSignIns)
        .where(eq(unknownSignIns.emailHash, emailHash))
        .for("update")
    )[0]!;
    const now = new Date();
    if (row.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
    const next = afterFailure(row, now, threshold, baseMinutes);
    await tx
      .update(unknownSignIns)
      .set({ ...next, lockedUntil: next.lockedUntil ?? row.lockedUntil, updatedAt: now })
      .where(eq(unknownSignIns.emailHash, emailHash));
    return next.lockedUntil;
  });
  // Housekeeping: its failure must not turn a refused sign-in into a 500.
  try {
    await db()
      .delete(unknownSignIns)
      .where(sql`${unknownSignIns.updatedAt} < NOW(3) - INTERVAL ${KEPT_DAYS} DAY`)
      .limit(100);
  } catch (error) {
    logger().warn({ err: error }, "purging old unknown sign-ins failed");
  }
  return lockedUntil;
}

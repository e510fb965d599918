import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { recordActivity } from "./activity";

export type UnlockOutcome = { id: number; email: string; wasLocked: boolean };

/**
 * Lifts an account's sign-in lockout and clears its failure counts, as the system (the command
 * line's user:unlock): the way back in for a sole admin whom someone keeps locked out by guessing.
 * Null when no account has that email.
 */
export async function unlockAccount(email: string): Promise<UnlockOutcome | null> {
  const normalized = email.trim().toLowerCase();
  return db().transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.email, normalized))
      .for("update");
    if (!user) return null;
    const wasLocked = user.lockedUntil !== null && user.lockedUntil > new Date();
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockoutCount: 0, lockedUntil: null })
      .where(eq(users.id, user.id));
    await recordActivity(tx, [
      {
        kind: "USER_UNLOCKED",
        actorId: null,
        subjectUserId: user.id,
        field: "locked_until",
        fromValue: wasLocked ? user.lockedUntil!.toISOString() : null,
        toValue: null,
      },
    ]);
    return { id: user.id, email: user.email, wasLocked };
  });
}

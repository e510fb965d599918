import { eq, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/http/errors";
import type { UserDto } from "@/lib/validation/users";
import { recordActivity } from "./activity";
import { inTransaction } from "./transaction";
import { toUserDto, userColumns } from "./user-dto";
import { lockActingAdmin } from "./user-guards";
import { assertAdmin } from "./users";

/**
 * Clears the sign-in lockout and failure counts of the user `which` selects, recording who lifted
 * a lockout (`actor`; null for the system): an account that was not locked leaves no trail entry,
 * so the trail holds only real unlocks. The user as they are now, or null when there is none.
 */
async function liftLockout(tx: Executor, which: SQL, actor: Actor | null) {
  const [user] = await tx.select(userColumns).from(users).where(which).for("update");
  if (!user) return null;
  const wasLocked = user.lockedUntil !== null && user.lockedUntil > new Date();
  await tx
    .update(users)
    .set({ failedLoginCount: 0, lockoutCount: 0, lockedUntil: null })
    .where(eq(users.id, user.id));
  if (wasLocked) {
    await recordActivity(tx, [
      {
        kind: "USER_UNLOCKED",
        actorId: actor?.id ?? null,
        subjectUserId: user.id,
        field: "locked_until",
        fromValue: user.lockedUntil!.toISOString(),
        toValue: null,
      },
    ]);
  }
  return { user: toUserDto({ ...user, lockedUntil: null }), wasLocked };
}

export type UnlockOutcome = { id: number; email: string; wasLocked: boolean };

/**
 * Lifts an account's sign-in lockout as the system (the command line's user:unlock): the way back
 * in for a sole admin whom someone keeps locked out by guessing. Null when no account has that email.
 */
export async function unlockAccount(email: string): Promise<UnlockOutcome | null> {
  const normalized = email.trim().toLowerCase();
  const lifted = await inTransaction((tx) => liftLockout(tx, eq(users.email, normalized), null));
  return lifted && { id: lifted.user.id, email: lifted.user.email, wasLocked: lifted.wasLocked };
}

/** POST /api/users/{id}/unlock/ and the users page: an admin lets a locked-out person back in. */
export async function unlockUser(actor: Actor, id: number): Promise<UserDto> {
  assertAdmin(actor);
  const lifted = await inTransaction(async (tx) => {
    await lockActingAdmin(tx, actor);
    return liftLockout(tx, eq(users.id, id), actor);
  });
  if (!lifted) throw notFound();
  return lifted.user;
}

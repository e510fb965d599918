import { and, eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { tooManyAttempts } from "@/lib/auth/messages";
import { accountLocked } from "@/lib/http/auth-errors";
import { conflict, invalidField } from "@/lib/http/errors";
import type { OwnPasswordChange } from "@/lib/validation/users";
import { recordActivity } from "./activity";
import { signInWithPassword, type SignInContext } from "./auth";
import { assertPasswordUnlikeOwner } from "./user-guards";
import { inTransaction } from "./transaction";
import { endAllSessions } from "./user-sessions";

/** Warned while it can still be avoided: the lockout is of signing in, not only of this form. */
const WARN_FROM_TRIES_LEFT = 2;

function wrongCurrentPassword(triesLeft: number | undefined): string {
  const wrong = "That is not your current password.";
  if (triesLeft === undefined || triesLeft > WARN_FROM_TRIES_LEFT) return wrong;
  const tries = triesLeft === 1 ? "One more wrong try locks" : `${triesLeft} more wrong tries lock`;
  return `${wrong} ${tries} signing in to your account for a while.`;
}

/** Said to the account's own, signed-in user, who may not know that the lockout outlasts the page. */
function ownAccountLocked(retryAfterSeconds: number): string {
  return `${tooManyAttempts(retryAfterSeconds)} Signing in to your account is locked until then; you stay signed in here, and an administrator can unlock it sooner.`;
}

/**
 * Anyone signed in changes their own password. The current one is checked as a sign-in checks
 * it, so wrong guesses count toward the lockout; then every session ends, this one included,
 * as after an admin's reset.
 */
export async function changeOwnPassword(
  actor: Actor,
  input: OwnPasswordChange,
  context: SignInContext,
): Promise<void> {
  const check = await signInWithPassword(
    actor.email,
    input.current_password,
    context,
    "own-password",
  );
  if (!check.ok && check.reason === "locked") {
    const { retryAfterSeconds } = check;
    throw accountLocked(retryAfterSeconds, ownAccountLocked(retryAfterSeconds));
  }
  if (!check.ok) throw invalidField("current_password", wrongCurrentPassword(check.triesLeft));
  if (input.new_password === input.current_password) {
    throw invalidField("new_password", "Choose a new password, not the current one.");
  }
  assertPasswordUnlikeOwner(input.new_password, actor, "new_password");
  const passwordHash = await hashPassword(input.new_password);
  await inTransaction(async (tx) => {
    // Only if nothing ended the account's sessions since the check (an admin's reset did).
    const [result] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`CURRENT_TIMESTAMP(3)` })
      .where(and(eq(users.id, actor.id), eq(users.sessionVersion, check.user.sessionVersion)));
    if (result.affectedRows !== 1) {
      throw conflict("Your account was changed meanwhile; sign in again and retry.");
    }
    await recordActivity(tx, [
      {
        kind: "USER_PASSWORD_CHANGED",
        actorId: actor.id,
        subjectUserId: actor.id,
        field: "password",
        fromValue: null,
        toValue: null,
      },
    ]);
    await endAllSessions(tx, actor.id);
  });
  context.log.info("own password changed");
}

import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import { passwordLikeOwner, type PasswordOwner } from "@/lib/auth/password-similarity";
import { ApiError, badRequest, conflict, forbidden, invalidField } from "@/lib/http/errors";
import { databaseErrorCode } from "./database-errors";
import { lockedStanding } from "./user-standing";

export type AccountChange = {
  email?: string;
  role?: Role;
  is_active?: boolean;
  password?: string;
};

export const SELF_ROLE_CHANGE = "You cannot change your own role; ask another admin.";
export const SELF_DEACTIVATION = "You cannot deactivate your own account; ask another admin.";
export const SELF_PASSWORD_RESET =
  "Change your own password on Your account page (or POST /api/users/me/password/): it asks for the current one.";
export const SELF_EMAIL_CHANGE = "You cannot change your own sign-in email; ask another admin.";

/**
 * An admin never changes their own role or sign-in email, deactivates themself, nor resets their
 * own password (400, before any write): a stolen admin token must not be enough to lock the owner
 * out. The email as it is may be sent again (the console's form sends every field). Together with
 * lockActingAdmin, this is also what guarantees that an active admin always remains.
 */
export function assertAllowedOnOwnAccount(actor: Actor, targetId: number, change: AccountChange) {
  if (targetId !== actor.id) return;
  if (change.password !== undefined) {
    throw badRequest(SELF_PASSWORD_RESET, {
      errors: [{ field: "password", message: SELF_PASSWORD_RESET }],
    });
  }
  if (change.role !== undefined && change.role !== actor.role) {
    throw badRequest(SELF_ROLE_CHANGE, { errors: [{ field: "role", message: SELF_ROLE_CHANGE }] });
  }
  if (change.email !== undefined && change.email !== actor.email) {
    throw badRequest(SELF_EMAIL_CHANGE, {
      errors: [{ field: "email", message: SELF_EMAIL_CHANGE }],
    });
  }
  if (change.is_active === false) {
    throw badRequest(SELF_DEACTIVATION, {
      errors: [{ field: "is_active", message: SELF_DEACTIVATION }],
    });
  }
}

/** A chosen password must not be its owner's email or name over again (400 on `field`). */
export function assertPasswordUnlikeOwner(
  password: string,
  owner: PasswordOwner,
  field = "password",
): void {
  const likeOwner = passwordLikeOwner(password, owner);
  if (likeOwner) throw invalidField(field, likeOwner);
}

/** A role other than admin, or a deactivation: the changes that could leave no admin. */
function mayRemoveAdmin(change: AccountChange): boolean {
  return (change.role !== undefined && change.role !== "ADMIN") || change.is_active === false;
}

/** Locks the rows of every active admin (FOR UPDATE), in the order of the index it reads them by. */
async function lockActiveAdmins(tx: Executor): Promise<number[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "ADMIN"), eq(users.isActive, true)))
    .for("update");
  return rows.map((r) => r.id);
}

const NO_LONGER_ADMIN = "Your account is no longer an active admin.";

/**
 * Every admin write starts here, and refuses an actor demoted or deactivated since their request
 * was authenticated. A `change` that may remove an admin locks every active admin first, so that
 * two admins removing each other queue instead of both succeeding; any other write holds only
 * the actor's own row (shared), so it never waits on another admin's work. This is what keeps an
 * active admin: only a locked active admin removes one, and never themself (assertAllowedOnOwnAccount).
 */
export async function lockActingAdmin(
  tx: Executor,
  actor: Actor,
  change: AccountChange = {},
): Promise<void> {
  if (mayRemoveAdmin(change)) {
    if (!(await lockActiveAdmins(tx)).includes(actor.id)) throw forbidden(NO_LONGER_ADMIN);
    return;
  }
  const standing = await lockedStanding(tx, actor.id);
  if (!standing?.isActive || standing.role !== "ADMIN") throw forbidden(NO_LONGER_ADMIN);
}

export const DUPLICATE_EMAIL = "A user with this email already exists.";

function duplicateEmail(): ApiError {
  return conflict(DUPLICATE_EMAIL, { errors: [{ field: "email", message: DUPLICATE_EMAIL }] });
}

/** 409 when another account has `email` (the unique index still decides a race: see below). */
export async function assertEmailFree(tx: Executor, email: string, exceptId?: number) {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing && existing.id !== exceptId) throw duplicateEmail();
}

/** Maps the database's own refusals (a unique index, a lock wait that timed out) to clear 409s. */
export function translateWriteError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  const code = databaseErrorCode(error);
  if (code === "ER_DUP_ENTRY") return duplicateEmail();
  if (code === "ER_LOCK_WAIT_TIMEOUT") {
    return conflict("Another change to this user happened at the same time; try again.");
  }
  return error;
}

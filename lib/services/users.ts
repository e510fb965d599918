import { eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { ActivityKind } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { can } from "@/lib/auth/policy";
import { forbidden, notFound } from "@/lib/http/errors";
import type {
  CreateUserRequest,
  PublicUserDto,
  UpdateUserInput,
  UserDto,
} from "@/lib/validation/users";
import { recordActivity } from "./activity";
import { toUserDto, userColumns } from "./user-dto";
import {
  assertEmailFree,
  assertAllowedOnOwnAccount,
  assertPasswordUnlikeOwner,
  lockActingAdmin,
  translateWriteError,
} from "./user-guards";
import { generatePassword } from "./user-passwords";
import { endAllSessions } from "./user-sessions";
import { inTransaction, retryOrBusy } from "./transaction";

export type { PublicUserDto, UserDto };

export type CreatedUser = UserDto & {
  /** Present only when the password was generated: shown once, never stored in clear. */
  generated_password?: string;
};

/** 403 unless an admin: the routes ask before reading a body, so a refusal never shows a schema. */
export function assertAdmin(actor: Actor): void {
  if (!can(actor, "user.manage")) throw forbidden();
}

async function insertActivity(
  tx: Executor,
  actor: Actor | null,
  subjectUserId: number,
  kind: ActivityKind,
  field: string,
  fromValue: string | null,
  toValue: string | null,
): Promise<void> {
  await recordActivity(tx, [
    { kind, actorId: actor?.id ?? null, subjectUserId, field, fromValue, toValue },
  ]);
}

/**
 * Creates an account. `actor` is null for the system (command line, seed); otherwise it must be
 * an admin. Input must already be validated; without a password, one is generated and returned.
 */
export async function createUser(
  actor: Actor | null,
  input: CreateUserRequest,
): Promise<CreatedUser> {
  if (actor) assertAdmin(actor);
  if (input.password !== undefined) {
    assertPasswordUnlikeOwner(input.password, { email: input.email, fullName: input.full_name });
  }
  const generated = input.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(input.password ?? generated!);
  try {
    return await inTransaction(async (tx) => {
      if (actor) await lockActingAdmin(tx, actor);
      await assertEmailFree(tx, input.email);
      const [created] = await tx
        .insert(users)
        .values({ email: input.email, fullName: input.full_name, role: input.role, passwordHash })
        .$returningId();
      const id = created!.id;
      await insertActivity(tx, actor, id, "USER_CREATED", "role", null, input.role);
      const [row] = await tx.select(userColumns).from(users).where(eq(users.id, id));
      return { ...toUserDto(row!), ...(generated ? { generated_password: generated } : {}) };
    });
  } catch (error) {
    throw translateWriteError(error);
  }
}

/**
 * Changes email, name, role, active flag and/or password, in one transaction with an activity row per
 * change. Role change, deactivation and password reset end every session of the user.
 */
export async function updateUser(
  actor: Actor,
  id: number,
  input: UpdateUserInput,
): Promise<UserDto> {
  assertAdmin(actor);
  assertAllowedOnOwnAccount(actor, id, input);
  const passwordHash =
    input.password === undefined ? undefined : await hashPassword(input.password);
  try {
    return await retryOrBusy(() => applyUpdate(actor, id, input, passwordHash));
  } catch (error) {
    throw translateWriteError(error);
  }
}

/** What an admin's reactivation or password reset leaves of failed sign-ins: nothing. */
const NO_LOCKOUT = { failedLoginCount: 0, lockoutCount: 0, lockedUntil: null } as const;

/** updateUser's transaction: locks, guards, the writes and their activity rows. */
function applyUpdate(
  actor: Actor,
  id: number,
  input: UpdateUserInput,
  passwordHash: string | undefined,
): Promise<UserDto> {
  return db().transaction(async (tx) => {
    await lockActingAdmin(tx, actor, input);
    const [current] = await tx
      .select({ ...userColumns })
      .from(users)
      .where(eq(users.id, id))
      .for("update");
    if (!current) throw notFound();
    if (input.password !== undefined) {
      assertPasswordUnlikeOwner(input.password, {
        email: input.email ?? current.email,
        fullName: input.full_name ?? current.fullName,
      });
    }

    const changes: Partial<typeof users.$inferInsert> = {};
    let endSessions = false;
    if (input.email !== undefined && input.email !== current.email) {
      await assertEmailFree(tx, input.email, id);
      changes.email = input.email;
      await insertActivity(tx, actor, id, "USER_UPDATED", "email", current.email, input.email);
    }
    if (input.full_name !== undefined && input.full_name !== current.fullName) {
      changes.fullName = input.full_name;
      await insertActivity(
        tx,
        actor,
        id,
        "USER_UPDATED",
        "full_name",
        current.fullName,
        input.full_name,
      );
    }
    if (input.role !== undefined && input.role !== current.role) {
      changes.role = input.role;
      endSessions = true;
      await insertActivity(tx, actor, id, "USER_ROLE_CHANGED", "role", current.role, input.role);
    }
    if (input.is_active !== undefined && input.is_active !== current.isActive) {
      changes.isActive = input.is_active;
      endSessions ||= !input.is_active;
      await insertActivity(
        tx,
        actor,
        id,
        input.is_active ? "USER_REACTIVATED" : "USER_DEACTIVATED",
        "is_active",
        String(current.isActive),
        String(input.is_active),
      );
      // A reactivated account starts with a clean slate of failed sign-ins.
      if (input.is_active) Object.assign(changes, NO_LOCKOUT);
    }
    if (passwordHash !== undefined) {
      // A reset is how an admin lets a locked-out person back in: the lockout goes with the password.
      Object.assign(changes, { passwordHash, ...NO_LOCKOUT });
      endSessions = true;
      await insertActivity(tx, actor, id, "USER_PASSWORD_RESET", "password", null, null);
    }
    if (Object.keys(changes).length > 0) {
      await tx
        .update(users)
        .set({ ...changes, updatedAt: sql`CURRENT_TIMESTAMP(3)` })
        .where(eq(users.id, id));
    }
    if (endSessions) await endAllSessions(tx, id);
    const [row] = await tx.select(userColumns).from(users).where(eq(users.id, id));
    return toUserDto(row!);
  });
}

/** DELETE /api/users/{id}/: deactivation, never deletion (their tasks and history stay). */
export function deactivateUser(actor: Actor, id: number): Promise<UserDto> {
  return updateUser(actor, id, { is_active: false });
}

export function reactivateUser(actor: Actor, id: number): Promise<UserDto> {
  return updateUser(actor, id, { is_active: true });
}

/** Sets a new password (generated when not given, and then returned once); ends their sessions. */
export async function resetPassword(
  actor: Actor,
  id: number,
  password?: string,
): Promise<{ user: UserDto; generated_password?: string }> {
  const generated = password === undefined ? generatePassword() : undefined;
  const user = await updateUser(actor, id, { password: password ?? generated! });
  return generated ? { user, generated_password: generated } : { user };
}

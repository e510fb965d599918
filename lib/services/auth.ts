import { eq } from "drizzle-orm";
import type { Logger } from "pino";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/lib/domain/enums";
import { afterFailure, secondsUntil } from "@/lib/auth/lockout";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/passwords";
import { config } from "@/lib/config";
import { recordUnknownAccountFailure } from "./unknown-sign-ins";

export type SignedInUser = {
  id: number;
  email: string;
  fullName: string;
  role: Role;
  isActive: boolean;
  sessionVersion: number;
};

export type SignInResult =
  | { ok: true; user: SignedInUser }
  /** `triesLeft`: wrong passwords before the account locks, for its own user only (never a sign-in). */
  | { ok: false; reason: "invalid"; triesLeft?: number }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

export type SignInContext = { ip: string; log: Logger };

const INVALID = { ok: false, reason: "invalid" } as const;

/**
 * Names the account on a sign-in's log line, unless `log` names it already (a signed-in user
 * checking their own password): a key twice breaks strict JSON readers.
 */
function account(log: Logger, userId: number): { userId?: number } {
  return log.bindings().userId === userId ? {} : { userId };
}

function locked(until: Date | number): SignInResult {
  return { ok: false, reason: "locked", retryAfterSeconds: secondsUntil(new Date(until)) };
}

/**
 * What a correct password does: a sign-in clears the failure counts and is the account's last
 * sign-in; a signed-in user's check of their own password (before changing it) changes nothing.
 */
export type PasswordCheckPurpose = "sign-in" | "own-password";

/**
 * The one sign-in check, for the API login and the browser's next-auth sign-in alike.
 * Unknown email, wrong password and deactivated account all look the same to the caller and cost
 * one password verification; consecutive failures lock the account (kept in the database).
 */
export async function signInWithPassword(
  email: string,
  password: string,
  { ip, log }: SignInContext,
  purpose: PasswordCheckPurpose = "sign-in",
): Promise<SignInResult> {
  const { LOCKOUT_THRESHOLD, LOCKOUT_MINUTES } = config();
  const normalized = email.trim().toLowerCase();
  const [seen] = await db().select().from(users).where(eq(users.email, normalized)).limit(1);
  if (!seen) {
    await burnPasswordCheck(password);
    const lockedUntil = await recordUnknownAccountFailure(
      normalized,
      LOCKOUT_THRESHOLD,
      LOCKOUT_MINUTES,
    );
    log.warn({ ip, reason: "unknown email" }, "sign-in failed");
    return lockedUntil ? locked(lockedUntil) : INVALID;
  }
  if (seen.lockedUntil && seen.lockedUntil > new Date()) {
    await burnPasswordCheck(password);
    log.warn({ ip, ...account(log, seen.id), reason: "locked" }, "sign-in refused: account locked");
    return locked(seen.lockedUntil);
  }
  // Verified before the row is locked: a hash takes tens of milliseconds, and guesses at one
  // account would otherwise queue on its lock, each holding a pooled connection meanwhile.
  const passwordOk = await verifyPassword(seen.passwordHash, password);

  // Row lock: concurrent guesses cannot lose each other's failure count.
  return db().transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, seen.id)).for("update");
    if (!user) return INVALID;
    const now = new Date();
    if (user.lockedUntil && user.lockedUntil > now) return locked(user.lockedUntil);
    // A password changed since it was read: what was checked is no longer the account's.
    if (user.passwordHash !== seen.passwordHash) return INVALID;
    if (passwordOk && user.isActive) {
      if (purpose === "sign-in") {
        await tx
          .update(users)
          .set({ failedLoginCount: 0, lockoutCount: 0, lockedUntil: null, lastLoginAt: now })
          .where(eq(users.id, user.id));
      }
      return {
        ok: true,
        user: {
          id: user.id,
          email: user.email,
          fullName: user.fullName,
          role: user.role,
          isActive: user.isActive,
          sessionVersion: user.sessionVersion,
        },
      };
    }
    if (passwordOk) {
      log.warn({ ip, ...account(log, user.id), reason: "inactive" }, "sign-in failed");
      return INVALID;
    }
    const next = afterFailure(user, now, LOCKOUT_THRESHOLD, LOCKOUT_MINUTES);
    await tx
      .update(users)
      .set(next.lockedUntil ? next : { failedLoginCount: next.failedLoginCount })
      .where(eq(users.id, user.id));
    if (next.lockedUntil) {
      log.warn(
        { ip, ...account(log, user.id), lockoutCount: next.lockoutCount },
        "account locked after repeated sign-in failures",
      );
      return locked(next.lockedUntil);
    }
    log.warn(
      { ip, ...account(log, user.id), reason: "wrong password", failures: next.failedLoginCount },
      "sign-in failed",
    );
    return purpose === "own-password"
      ? { ...INVALID, triesLeft: LOCKOUT_THRESHOLD - next.failedLoginCount }
      : INVALID;
  });
}

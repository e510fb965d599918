import { eq } from "drizzle-orm";
import type { Logger } from "pino";
import { db } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { lockoutMinutes, secondsUntil } from "@/lib/auth/lockout";
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
  | { ok: false; reason: "invalid" }
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
 * The one sign-in check, for the API login and the browser's next-auth sign-in alike.
 * Unknown email, wrong password and deactivated account all look the same to the caller and cost
 * one password verification; consecutive failures lock the account (kept in the database).
 */
export async function signInWithPassword(
  email: string,
  password: string,
  { ip, log }: SignInContext,
): Promise<SignInResult> {
  const { LOCKOUT_THRESHOLD, LOCKOUT_MINUTES } = config();
  const normalized = email.trim().toLowerCase();
  const [found] = await db()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normalized))
    .limit(1);
  if (!found) {
    await burnPasswordCheck(password);
    const lockedUntil = await recordUnknownAccountFailure(
      normalized,
      LOCKOUT_THRESHOLD,
      LOCKOUT_MINUTES,
    );
    log.warn({ ip, reason: "unknown email" }, "sign-in failed");
    return lockedUntil ? locked(lockedUntil) : INVALID;
  }

  // Row lock: concurrent guesses cannot lose each other's failure count.
  return db().transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, found.id)).for("update");
    if (!user) return INVALID;
    const now = new Date();
    if (user.lockedUntil && user.lockedUntil > now) {
      await burnPasswordCheck(password);
      log.warn(
        { ip, ...account(log, user.id), reason: "locked" },
        "sign-in refused: account locked",
      );
      return locked(user.lockedUntil);
    }
    const passwordOk = await verifyPassword(user.passwordHash, password);
    if (passwordOk && user.isActive) {
      await tx
        .update(users)
        .set({ failedLoginCount: 0, lockoutCount: 0, lockedUntil: null, lastLoginAt: now })
        .where(eq(users.id, user.id));
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
    const failures = user.failedLoginCount + 1;
    if (failures >= LOCKOUT_THRESHOLD) {
      const minutes = lockoutMinutes(LOCKOUT_MINUTES, user.lockoutCount);
      const lockedUntil = new Date(now.getTime() + minutes * 60_000);
      await tx
        .update(users)
        .set({ failedLoginCount: 0, lockoutCount: user.lockoutCount + 1, lockedUntil })
        .where(eq(users.id, user.id));
      log.warn(
        { ip, ...account(log, user.id), minutes, lockoutCount: user.lockoutCount + 1 },
        "account locked after repeated sign-in failures",
      );
      return locked(lockedUntil);
    }
    await tx.update(users).set({ failedLoginCount: failures }).where(eq(users.id, user.id));
    log.warn(
      { ip, ...account(log, user.id), reason: "wrong password", failures },
      "sign-in failed",
    );
    return INVALID;
  });
}

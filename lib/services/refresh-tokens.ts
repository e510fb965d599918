import { createHash } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Logger } from "pino";
import { db, selectRows, type Executor } from "@/db/client";
import { retryOrBusy } from "./transaction";
import { SHARE_LOCK } from "./user-standing";
import { refreshTokens, users } from "@/db/schema";
import type { Role } from "@/lib/domain/enums";
import {
  InvalidTokenError,
  type RefreshClaims,
  signAccessToken,
  signRefreshToken,
  verifyRefreshToken,
} from "@/lib/auth/tokens";

export type TokenPair = { access: string; refresh: string };
export type TokenSubject = { id: number; role: Role; sessionVersion: number };
type Context = { ip: string; log: Logger };

/** Only this digest is stored: a database leak yields no usable refresh token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new access token and a new refresh token in `familyId` (a new family for a new sign-in). */
export async function issueTokenPair(
  user: TokenSubject,
  familyId: string = crypto.randomUUID(),
  executor: Executor = db(),
): Promise<TokenPair> {
  const claims = { userId: user.id, sessionVersion: user.sessionVersion, familyId };
  const [access, refresh] = await Promise.all([
    signAccessToken({ ...claims, role: user.role }),
    signRefreshToken(claims),
  ]);
  // Expired rows can no longer be used or reused; pruning them per user keeps the table small.
  await executor
    .delete(refreshTokens)
    .where(and(eq(refreshTokens.userId, user.id), lt(refreshTokens.expiresAt, new Date())));
  await executor.insert(refreshTokens).values({
    userId: user.id,
    familyId,
    tokenHash: hashToken(refresh.token),
    expiresAt: refresh.expiresAt,
  });
  return { access, refresh: refresh.token };
}

async function revokeFamily(executor: Executor, familyId: string): Promise<void> {
  await executor
    .update(refreshTokens)
    .set({ revokedAt: sql`CURRENT_TIMESTAMP(3)` })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

type Rotation = { ok: true; pair: TokenPair } | { ok: false; reason: string; userId: number };

/**
 * Trades a refresh token for a new pair; the old one is spent. Presenting a spent token again means
 * it was stolen (or replayed): its whole family is revoked. Refused when the user is inactive or
 * their session version moved on. Throws InvalidTokenError when refused.
 */
export async function rotateRefreshToken(token: string, { ip, log }: Context): Promise<TokenPair> {
  const claims = await verifyRefreshToken(token).catch((error: unknown) => {
    if (error instanceof InvalidTokenError) {
      log.warn({ ip, reason: error.reason }, "refresh token refused");
    }
    throw error;
  });
  // Revocations must commit even though the caller is refused, so refusals are returned, not thrown.
  // Read committed: the row lock takes no gap, so the new token's insert cannot queue behind a
  // second rotation of the same token waiting for that row; a deadlock left is simply run again,
  // and the rerun finds the token spent.
  const rotate = (tx: Executor): Promise<Rotation> => rotateInTransaction(tx, token, claims);
  const result = await retryOrBusy(() =>
    db().transaction(rotate, { isolationLevel: "read committed" }),
  );
  if (!result.ok) {
    log.warn({ ip, userId: result.userId, reason: result.reason }, "refresh token refused");
    throw new InvalidTokenError(result.reason);
  }
  return result.pair;
}

/**
 * The rotation itself: the user's row read under a share lock first, then the token's row locked,
 * checked, spent, and its successor stored. Users' rows before tokens' rows, as ending every
 * session takes them (user-sessions.ts): the new token's foreign key would otherwise take the
 * user's row last, and deadlock with a sign-out everywhere holding it and waiting for the tokens.
 */
async function rotateInTransaction(
  tx: Executor,
  token: string,
  claims: RefreshClaims,
): Promise<Rotation> {
  const refuse = (reason: string): Rotation => ({ ok: false, reason, userId: claims.userId });
  const [user] = await selectRows<TokenUserRow>(
    tx,
    sql`SELECT id, role, is_active, session_version FROM ${users}
        WHERE id = ${claims.userId} ${SHARE_LOCK}`,
  );
  const [row] = await tx
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashToken(token)))
    .for("update");
  if (!row || row.userId !== claims.userId) return refuse("unknown refresh token");
  if (row.rotatedAt) {
    await revokeFamily(tx, row.familyId);
    return refuse("reuse of a rotated refresh token: family revoked");
  }
  if (row.revokedAt) return refuse("revoked refresh token");
  if (row.expiresAt.getTime() <= Date.now()) return refuse("expired refresh token");
  if (!user || user.is_active !== 1 || user.session_version !== claims.sessionVersion) {
    await revokeFamily(tx, row.familyId);
    return refuse("user inactive or session revoked");
  }
  await tx
    .update(refreshTokens)
    .set({ rotatedAt: sql`CURRENT_TIMESTAMP(3)` })
    .where(eq(refreshTokens.id, row.id));
  const subject = { id: user.id, role: user.role, sessionVersion: user.session_version };
  return { ok: true, pair: await issueTokenPair(subject, row.familyId, tx) };
}

/** The token's user as the rotation reads them. */
type TokenUserRow = { id: number; role: Role; is_active: number; session_version: number };

/**
 * Ends the sign-in a refresh token belongs to (its whole family). Idempotent; throws
 * InvalidTokenError for a token that is not ours. Returns the token's user when the token was
 * still live — unspent, unrevoked, of the user's current session — and null otherwise: a token
 * that was already signed out, spent or cut off by a password reset speaks for nobody.
 */
export async function revokeRefreshToken(
  token: string,
  { ip, log }: Context,
): Promise<number | null> {
  const claims = await verifyRefreshToken(token).catch((error: unknown) => {
    if (error instanceof InvalidTokenError) {
      log.warn({ ip, reason: error.reason }, "logout: refresh token refused");
    }
    throw error;
  });
  const [row] = await db()
    .select({
      rotatedAt: refreshTokens.rotatedAt,
      revokedAt: refreshTokens.revokedAt,
      isActive: users.isActive,
      sessionVersion: users.sessionVersion,
    })
    .from(refreshTokens)
    .innerJoin(users, eq(users.id, refreshTokens.userId))
    .where(
      and(eq(refreshTokens.tokenHash, hashToken(token)), eq(refreshTokens.userId, claims.userId)),
    );
  const live =
    row !== undefined &&
    row.rotatedAt === null &&
    row.revokedAt === null &&
    row.isActive &&
    row.sessionVersion === claims.sessionVersion;
  // A rotation of the same family may hold its rows in another order: met, this runs again.
  await retryOrBusy(() =>
    db()
      .update(refreshTokens)
      .set({ revokedAt: sql`CURRENT_TIMESTAMP(3)` })
      .where(
        and(
          eq(refreshTokens.familyId, claims.familyId),
          eq(refreshTokens.userId, claims.userId),
          isNull(refreshTokens.revokedAt),
        ),
      ),
  );
  return live ? claims.userId : null;
}

import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { refreshTokens } from "@/db/schema";
import { config } from "@/lib/config";
import { hashToken } from "./refresh-tokens";

/**
 * A browser sign-in is a sign-in family, as an API sign-in is (refresh_tokens), with one token
 * that is never handed out: the session cookie names the family, every request checks that it
 * stands, and "Sign out" revokes it, so a copy of the cookie stops working with the original.
 * Returns the family's id.
 */
export async function startBrowserSession(userId: number): Promise<string> {
  const familyId = crypto.randomUUID();
  const { SESSION_TTL, REFRESH_TOKEN_TTL } = config();
  // The cookie's expiry moves on while it is used: its row outlives the first lifetime, so that
  // the user's next sign-in, which prunes expired rows, does not end a session still in use.
  const lifetimeMs = Math.max(SESSION_TTL, REFRESH_TOKEN_TTL) * 1000;
  await db()
    .delete(refreshTokens)
    .where(and(eq(refreshTokens.userId, userId), lt(refreshTokens.expiresAt, new Date())));
  await db()
    .insert(refreshTokens)
    .values({
      userId,
      familyId,
      tokenHash: hashToken(randomBytes(32).toString("hex")),
      expiresAt: new Date(Date.now() + lifetimeMs),
    });
  return familyId;
}

/** Ends one browser sign-in (the cookie's family); other sign-ins of the user stand. */
export async function endBrowserSession(userId: number, familyId: string): Promise<void> {
  await db()
    .update(refreshTokens)
    .set({ revokedAt: sql`CURRENT_TIMESTAMP(3)` })
    .where(
      and(
        eq(refreshTokens.familyId, familyId),
        eq(refreshTokens.userId, userId),
        isNull(refreshTokens.revokedAt),
      ),
    );
}

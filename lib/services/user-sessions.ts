import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { refreshTokens, users } from "@/db/schema";

/**
 * Ends every access token, refresh token and browser session of a user at once: the session
 * version in each token no longer matches, and the refresh tokens are revoked.
 */
export async function endAllSessions(tx: Executor, userId: number): Promise<void> {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
  await tx
    .update(refreshTokens)
    .set({ revokedAt: sql`CURRENT_TIMESTAMP(3)` })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}

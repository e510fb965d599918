import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/**
 * The user behind a token or session cookie, or null when that user is gone, deactivated,
 * or has a newer session version (role or password changed, sessions revoked).
 */
export async function loadSessionActor(
  userId: number,
  sessionVersion: number,
): Promise<Actor | null> {
  const [row] = await db()
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      isActive: users.isActive,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || !row.isActive || row.sessionVersion !== sessionVersion) return null;
  return { id: row.id, email: row.email, fullName: row.fullName, role: row.role };
}

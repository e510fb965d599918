import { eq, sql } from "drizzle-orm";
import { db, type Database } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

function prepareSessionUserQuery(database: Database) {
  return database
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      isActive: users.isActive,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder("userId")))
    .limit(1)
    .prepare();
}

// Every API request and page runs this lookup: prepared once per database handle, it costs about
// half the CPU of building the query each time (measured in-process, 0.08 vs 0.15-0.3 ms).
const preparedFor = new WeakMap<Database, ReturnType<typeof prepareSessionUserQuery>>();

/**
 * The user behind a token or session cookie, or null when that user is gone, deactivated,
 * or has a newer session version (role or password changed, sessions revoked).
 */
export async function loadSessionActor(
  userId: number,
  sessionVersion: number,
): Promise<Actor | null> {
  const database = db();
  let query = preparedFor.get(database);
  if (!query) {
    query = prepareSessionUserQuery(database);
    preparedFor.set(database, query);
  }
  const [row] = await query.execute({ userId });
  if (!row || !row.isActive || row.sessionVersion !== sessionVersion) return null;
  return { id: row.id, email: row.email, fullName: row.fullName, role: row.role };
}

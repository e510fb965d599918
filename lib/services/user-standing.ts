import { sql } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/lib/domain/enums";

/** What decides whether a user may act or be assigned work. */
export type UserStanding = { role: Role; isActive: boolean };

/** A users row as a raw SELECT of `role, is_active` returns it. */
export type UserStandingRow = { role: Role; is_active: number };

export function standingOf(row: UserStandingRow): UserStanding {
  return { role: row.role, isActive: row.is_active === 1 };
}

/**
 * Holds a user's row until the write commits: a deactivation or role change waits for it, or this
 * read waits for that change and sees it. MariaDB has no FOR SHARE; MySQL 8 still takes this.
 */
export const SHARE_LOCK = sql.raw("LOCK IN SHARE MODE");

/** The user's standing, read under SHARE_LOCK; undefined when there is no such user. */
export async function lockedStanding(
  tx: Executor,
  userId: number,
): Promise<UserStanding | undefined> {
  const rows = await selectRows<UserStandingRow>(
    tx,
    sql`SELECT role, is_active FROM ${users} WHERE id = ${userId} ${SHARE_LOCK}`,
  );
  return rows[0] && standingOf(rows[0]);
}

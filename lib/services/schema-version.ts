import type { RowDataPacket } from "mysql2";
import { pool } from "@/db/client";
import journal from "@/drizzle/meta/_journal.json";
import { databaseErrorCode } from "./database-errors";

/**
 * How many of this version's migrations (drizzle/) the database has not applied; all of them when
 * it was never migrated. A database ahead of the code (during a rollback) counts as none behind.
 */
export async function pendingMigrations(): Promise<number> {
  try {
    const [rows] = await pool().query<RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM __drizzle_migrations",
    );
    return Math.max(0, journal.entries.length - Number(rows[0]!.n));
  } catch (error) {
    if (databaseErrorCode(error) === "ER_NO_SUCH_TABLE") return journal.entries.length;
    throw error;
  }
}

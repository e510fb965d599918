import { logger } from "@/lib/logger";
import { databaseErrorCode } from "./database-errors";
import { pendingMigrations } from "./schema-version";

/** A database that does not answer this soon is judged out of reach, and the server starts. */
const STARTUP_CHECK_MS = 5_000;

/**
 * Why the server must not start against its database, or null. Credentials it refuses, a database
 * that does not exist and missing migrations are settings to fix, so the server stops; a database
 * out of reach may come back, so the server starts, says so in its log, and /api/health/ reports it.
 */
export async function checkDatabaseAtStartup(): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const tooSlow = new Promise<"too slow">((resolve) => {
    timer = setTimeout(() => resolve("too slow"), STARTUP_CHECK_MS);
  });
  try {
    const pending = await Promise.race([pendingMigrations(), tooSlow]);
    if (pending === "too slow") {
      logger().warn(`database did not answer within ${STARTUP_CHECK_MS} ms at start-up; serving`);
      return null;
    }
    return pending > 0
      ? `the database lacks ${pending} of this version's migrations; run npm run db:migrate first.`
      : null;
  } catch (error) {
    const code = databaseErrorCode(error);
    if (code === "ER_ACCESS_DENIED_ERROR" || code === "ER_DBACCESS_DENIED_ERROR") {
      return `the database refused the account in DATABASE_URL (${error instanceof Error ? error.message : String(error)}).`;
    }
    if (code === "ER_BAD_DB_ERROR") {
      return "the database named in DATABASE_URL does not exist; run npm run db:migrate to create it.";
    }
    logger().warn({ err: error }, "database out of reach at start-up; serving");
    return null;
  } finally {
    clearTimeout(timer);
  }
}

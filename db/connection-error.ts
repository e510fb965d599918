import { config } from "@/lib/config";

/** The driver's own error inside what drizzle wraps it in ("Failed query: … params: …"). */
function driverError(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 4 && current instanceof Error && current.cause; depth += 1) {
    current = current.cause;
  }
  return current;
}

/**
 * Turns a failed database call into advice a newcomer can act on: the driver's message, never the
 * failed query's bound values (a password hash, emails).
 */
export function describeConnectionError(error: unknown, url: string): string {
  const cause = driverError(error);
  const code = (cause as { code?: string } | null)?.code;
  const where = new URL(url);
  where.password = where.password ? "***" : "";
  if (code === "ECONNREFUSED" || code === "ETIMEDOUT" || code === "ENOTFOUND") {
    return [
      `No MySQL/MariaDB server answers at ${where.host} (DATABASE_URL=${where.toString()}).`,
      "Start one (for example: sudo service mariadb start) or set DATABASE_URL to a reachable server.",
    ].join("\n");
  }
  if (code === "ER_ACCESS_DENIED_ERROR") {
    return `The database refused the credentials in DATABASE_URL (${where.toString()}).`;
  }
  return `Database error: ${cause instanceof Error ? cause.message : String(cause)}`;
}

/**
 * What a command-line tool prints when it fails: the configuration's own message when that is what
 * failed (reading it again would only throw again), else the database advice above.
 */
export function describeCommandFailure(error: unknown): string {
  let url: string;
  try {
    url = config().DATABASE_URL;
  } catch (configError) {
    return configError instanceof Error ? configError.message : String(configError);
  }
  return describeConnectionError(error, url);
}

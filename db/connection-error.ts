/** Turns a failed connection into advice a newcomer can act on. */
export function describeConnectionError(error: unknown, url: string): string {
  const code = (error as { code?: string } | null)?.code;
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
  return `Database error: ${error instanceof Error ? error.message : String(error)}`;
}

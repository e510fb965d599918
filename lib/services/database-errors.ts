type DriverError = { code?: unknown; cause?: unknown };

/** The driver's code ("ER_DUP_ENTRY", "ECONNREFUSED", …) of an error or of what it wraps. */
export function databaseErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth += 1) {
    const code = (current as DriverError).code;
    if (typeof code === "string") return code;
    current = (current as DriverError).cause;
  }
  return undefined;
}

/**
 * The database could not be reached or dropped the connection, or a row stayed locked past
 * innodb_lock_wait_timeout: nothing was done, and the same request may succeed a moment later.
 */
const UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "ER_CON_COUNT_ERROR",
  "ER_SERVER_SHUTDOWN",
  "ER_LOCK_WAIT_TIMEOUT",
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = databaseErrorCode(error);
  return code !== undefined && UNAVAILABLE.has(code);
}

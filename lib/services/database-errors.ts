type DriverError = { code?: unknown; errno?: unknown; cause?: unknown; fatal?: unknown };

/** The error, or one it wraps (drizzle wraps the driver's), that `matches`. */
function inCauseChain(
  error: unknown,
  matches: (candidate: DriverError) => boolean,
): DriverError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth += 1) {
    if (matches(current as DriverError)) return current as DriverError;
    current = (current as DriverError).cause;
  }
  return undefined;
}

/** The error, or the one it wraps, that carries an error code. */
export function codeCarrier(error: unknown): (DriverError & { code: string }) | undefined {
  return inCauseChain(error, (candidate) => typeof candidate.code === "string") as
    (DriverError & { code: string }) | undefined;
}

/** The driver's code ("ER_DUP_ENTRY", "ECONNREFUSED", …) of an error or of what it wraps. */
export function databaseErrorCode(error: unknown): string | undefined {
  return codeCarrier(error)?.code;
}

/** The database was never reached, or refused the work (a lock wait timed out): nothing was done. */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ER_CON_COUNT_ERROR",
  "ER_SERVER_SHUTDOWN",
  "ER_LOCK_WAIT_TIMEOUT",
  // A connection closed before its first statement went out (its session settings failed).
  "ERR_STREAM_WRITE_AFTER_END",
]);

/**
 * The server aborted a statement that ran past its limit: MariaDB's max_statement_time (1969),
 * MySQL's max_execution_time (3024). mysql2 gives neither a code, only the number.
 */
const STATEMENT_LIMIT_ERRNOS = new Set([1969, 3024]);

/** The error, or the one it wraps, of a statement the server stopped at its limit; its SQL too. */
function abortedAtServerLimit(error: unknown): { sql?: unknown } | undefined {
  return inCauseChain(error, (candidate) =>
    STATEMENT_LIMIT_ERRNOS.has(candidate.errno as number),
  ) as { sql?: unknown } | undefined;
}

/** The connection dropped while the work was under way: it may have been done or not. */
const LOST = new Set([
  "ECONNRESET",
  "EPIPE",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
]);

export type Unavailability = "unreachable" | "lost";

/** Whether `error` means the database is out of reach for now, and what that left undone. */
export function databaseUnavailability(error: unknown): Unavailability | null {
  // The statement was stopped, and its transaction is rolled back by whoever ran it; only of a
  // COMMIT stopped so can nobody say whether it took effect.
  const aborted = abortedAtServerLimit(error);
  if (aborted) {
    return typeof aborted.sql === "string" && /^\s*commit\b/i.test(aborted.sql)
      ? "lost"
      : "unreachable";
  }
  const carrier = codeCarrier(error);
  if (carrier === undefined) return null;
  const { code } = carrier;
  // A client hanging up mid-body is an ECONNRESET too: a socket error is the database's only when
  // mysql2 marked it fatal to its connection. Server errors (ER_…) and mysql2's own protocol
  // errors (PROTOCOL_…, a query timeout among them, never marked fatal) come from nowhere else.
  const driverOwn = code.startsWith("ER_") || code.startsWith("PROTOCOL_");
  if (!driverOwn && carrier.fatal !== true) return null;
  if (UNREACHABLE.has(code)) return "unreachable";
  return LOST.has(code) ? "lost" : null;
}

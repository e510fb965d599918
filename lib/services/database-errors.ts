type DriverError = { code?: unknown; cause?: unknown; fatal?: unknown };

/** The error, or the one it wraps (drizzle wraps the driver's), that carries an error code. */
export function codeCarrier(error: unknown): (DriverError & { code: string }) | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth += 1) {
    const code = (current as DriverError).code;
    if (typeof code === "string") return current as DriverError & { code: string };
    current = (current as DriverError).cause;
  }
  return undefined;
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
]);

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

/**
 * Whether a request failed because its client closed the connection mid-body: Node reports that
 * as an "aborted" ECONNRESET on the body stream. Nobody is left to answer, and nothing on the
 * server failed. Any other failure, even one after the client left, is the server's to report.
 */
export function clientClosedMidBody(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    if (current.message === "aborted" && (current as { code?: unknown }).code === "ECONNRESET") {
      return true;
    }
    current = current.cause;
  }
  return false;
}

import type { NextRequest } from "next/server";

/**
 * Whether a request failed because its client went away (closed the connection mid-body, or
 * before the answer): Node reports that as an "aborted" ECONNRESET on the body, or Next aborts
 * the request's signal. Nobody is left to answer, and nothing on the server failed.
 */
export function clientWentAway(request: NextRequest, error: unknown): boolean {
  if (request.signal.aborted) return true;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    if (current.message === "aborted" && (current as { code?: unknown }).code === "ECONNRESET") {
      return true;
    }
    current = current.cause;
  }
  return false;
}

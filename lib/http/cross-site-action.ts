import type { NextRequest } from "next/server";
import { isOwnOrigin } from "./public-url";

/**
 * A server action (a POST with Next's `Next-Action` header) sent from another site's page. Next
 * refuses it too, but as a logged 500 "Invalid Server Actions request": a CSRF attempt would read
 * as a server failure. The app's own origin is judged as for token forms (isOwnOrigin).
 */
export function isCrossSiteAction(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  return origin !== null && !isOwnOrigin(request, origin);
}

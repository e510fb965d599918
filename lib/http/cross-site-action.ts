import type { NextRequest } from "next/server";

/**
 * A server action (a POST with Next's `Next-Action` header) that Next would refuse as sent from
 * another site: its Origin's host is not the host the request names (X-Forwarded-Host, else
 * Host). Next refuses it too, but as a logged 500 "Invalid Server Actions request", so a CSRF
 * attempt would read as a server failure; this is Next's own rule, answered first with a 403.
 * No stricter: a rebinding page gets no session cookie, which is for the app's real host only.
 */
export function isCrossSiteAction(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  return !URL.canParse(origin) || new URL(origin).host !== host;
}

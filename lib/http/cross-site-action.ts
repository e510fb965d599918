import type { NextRequest } from "next/server";

/** What Next treats as a possible server action (its getServerActionRequestMetadata). */
function isPossibleAction(request: NextRequest): boolean {
  if (request.method !== "POST") return false;
  if (request.headers.has("next-action")) return true;
  const type = request.headers.get("content-type") ?? "";
  return (
    type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")
  );
}

/**
 * A POST that Next would take as a server action (a fetch with `Next-Action`, or a plain HTML
 * form) and refuse as sent from another site: its Origin's host is not the host the request
 * names (the first X-Forwarded-Host, else Host). Next refuses it too, but as a logged 500
 * "Invalid Server Actions request", so a CSRF attempt would read as a server failure; this is
 * Next's own rule, answered first with a 403. No stricter: a rebinding page gets no session
 * cookie, which is for the app's real host only. (next.config sets no serverActions.allowedOrigins;
 * one set there must be accepted here too.)
 */
export function isCrossSiteAction(request: NextRequest): boolean {
  if (!isPossibleAction(request)) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || request.headers.get("host");
  return !URL.canParse(origin) || new URL(origin).host !== host;
}

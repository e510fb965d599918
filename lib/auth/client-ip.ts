import { config } from "@/lib/config";

/**
 * The caller's address for rate limits and logs. `npm start` appends the address of the connection
 * to X-Forwarded-For (lib/cli/forwarded-for.mjs) and each trusted proxy in front appends the address
 * it saw, so the entry TRUSTED_PROXY_HOPS to the left of the last one is the one a client cannot
 * forge (entries further left are whatever the client sent).
 */
export function ipFromForwarded(forwarded: string | null, realIp: string | null): string {
  const hops = config().TRUSTED_PROXY_HOPS;
  const entries = (forwarded ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chosen = entries[Math.max(0, entries.length - 1 - hops)];
  return chosen || realIp?.trim() || "unknown";
}

/** The caller's address from a request's headers (a route's request, or a server action's). */
export function clientIpFromHeaders(headers: Pick<Headers, "get">): string {
  return ipFromForwarded(headers.get("x-forwarded-for"), headers.get("x-real-ip"));
}

export function clientIp(request: Request): string {
  return clientIpFromHeaders(request.headers);
}

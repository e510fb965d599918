import { config } from "@/lib/config";

/**
 * The caller's address for rate limits and logs. Each trusted proxy appends the address it saw to
 * X-Forwarded-For, so the entry TRUSTED_PROXY_HOPS from the right is the one a client cannot forge
 * (entries to its left are whatever the client sent).
 */
export function ipFromForwarded(forwarded: string | null, realIp: string | null): string {
  const hops = config().TRUSTED_PROXY_HOPS;
  const entries = (forwarded ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chosen = entries[Math.max(0, entries.length - hops)];
  return chosen || realIp?.trim() || "unknown";
}

export function clientIp(request: Request): string {
  return ipFromForwarded(request.headers.get("x-forwarded-for"), request.headers.get("x-real-ip"));
}

/**
 * next-auth remembers where to go after sign-in in a cookie, and refuses every request (a 500 on
 * /login and on every page) while that cookie holds something it cannot read as an http(s) URL.
 * Anyone who can set a cookie for this host (another app on another port, a sibling subdomain)
 * could lock users out that way, so such a cookie is dropped before next-auth sees it.
 */
export const CALLBACK_URL_COOKIES = [
  "next-auth.callback-url",
  "__Secure-next-auth.callback-url",
] as const;

/** next-auth's own test of a callback URL (core/lib/assert.js), which must not throw. */
export function isUsableCallbackUrl(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A Cookie header without its unusable callback-url cookies, and the names the browser should
 * be told to expire; null when nothing needs dropping. A name that also came with a usable value
 * (one cookie planted from a sibling domain beside the app's own) is not expired: the expiry
 * would hit the app's own cookie and leave the planted one.
 */
export function withoutBrokenCallbackCookies(
  cookieHeader: string | null,
  base: string,
): { header: string; dropped: string[] } | null {
  if (!cookieHeader) return null;
  const dropped: string[] = [];
  const kept = cookieHeader.split(";").filter((pair) => {
    const at = pair.indexOf("=");
    const name = (at < 0 ? pair : pair.slice(0, at)).trim();
    if (!(CALLBACK_URL_COOKIES as readonly string[]).includes(name)) return true;
    if (isUsableCallbackUrl(decoded(pair.slice(at + 1).trim()), base)) return true;
    dropped.push(name);
    return false;
  });
  if (dropped.length === 0) return null;
  const keptNames = new Set(kept.map((pair) => pair.split("=")[0]!.trim()));
  return {
    header: kept.map((pair) => pair.trim()).join("; "),
    dropped: dropped.filter((name) => !keptNames.has(name)),
  };
}

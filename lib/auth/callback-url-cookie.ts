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

/** What to do about the callback-url cookies of one request; null when all are usable. */
export type CallbackCookieRepair = {
  /** The Cookie header without the unusable ones. */
  header: string;
  /** Names that came only with unusable values: the browser is told to expire them. */
  expire: string[];
  /**
   * Names that came with a usable value too (one planted from a sibling domain beside the app's
   * own): expiring them would hit the app's own cookie and leave the planted one, so their usable
   * value is what next-auth must read.
   */
  keep: [name: string, value: string][];
};

function nameOf(pair: string): string {
  const at = pair.indexOf("=");
  return (at < 0 ? pair : pair.slice(0, at)).trim();
}

function valueOf(pair: string): string {
  const at = pair.indexOf("=");
  return at < 0 ? "" : decoded(pair.slice(at + 1).trim());
}

export function repairCallbackCookies(
  cookieHeader: string | null,
  base: string,
): CallbackCookieRepair | null {
  if (!cookieHeader) return null;
  const broken = new Set<string>();
  const kept = cookieHeader.split(";").filter((pair) => {
    const name = nameOf(pair);
    if (!(CALLBACK_URL_COOKIES as readonly string[]).includes(name)) return true;
    if (isUsableCallbackUrl(valueOf(pair), base)) return true;
    broken.add(name);
    return false;
  });
  if (broken.size === 0) return null;
  const usable = new Map(
    kept.filter((pair) => broken.has(nameOf(pair))).map((pair) => [nameOf(pair), valueOf(pair)]),
  );
  return {
    header: kept.map((pair) => pair.trim()).join("; "),
    expire: [...broken].filter((name) => !usable.has(name)),
    keep: [...usable],
  };
}

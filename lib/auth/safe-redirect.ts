/** A stand-in origin for reading a relative path as a URL. */
export const SAME_ORIGIN = "http://same-origin.invalid";

/**
 * A callbackUrl we may send the browser to: a same-origin relative path only
 * ("/tasks/5?tab=x"), never "//evil.example", "/\evil", "https://…" or a non-path.
 */
export function safeCallbackPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return null;
  }
  if (/[\u0000-\u001f\\]/.test(value)) return null;
  try {
    const url = new URL(value, SAME_ORIGIN);
    if (url.origin !== SAME_ORIGIN) return null;
    // Dot-segments are resolved only now: "/.//evil.example" comes out as "//evil.example".
    if (url.pathname.startsWith("//")) return null;
    if (url.pathname === "/login" || url.pathname.startsWith("/api/")) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

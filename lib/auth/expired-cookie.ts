/** next-auth's session cookie: `__Secure-` first behind https, split as `.0`, `.1`… when large. */
export const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/** Whether the browser keeps cookie `name` only from a Secure answer (its `__Secure-` prefix). */
export function needsSecure(name: string): boolean {
  return name.startsWith("__Secure-");
}

/** Set-cookie options that make the browser drop cookie `name` (edge-safe: no Node APIs). */
export function expiredCookie(name: string) {
  return { path: "/", maxAge: 0, secure: needsSecure(name) } as const;
}

/**
 * Edge-safe: the per-request part of the security headers, set by middleware.ts on pages. The
 * static headers (nosniff, frame options, HSTS…) and the API's CSP are set for every response,
 * pages and API alike, by `headers()` in next.config.mjs.
 */

export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * One policy for every page, /api/docs included: Swagger UI needs inline styles and data: images,
 * which every page already allows, and nothing else (tests/e2e/api-docs.spec.ts watches for
 * violations while it renders, authorizes, tries operations, uploads and downloads). Its blob:
 * URLs are only for image responses, which this API never gives.
 */
export function contentSecurityPolicy(nonce: string): string {
  const isDev = process.env.NODE_ENV === "development";
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

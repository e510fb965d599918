// Plain ESM: read by next.config.mjs and lib/cli/start.mjs, which run before any TypeScript.

/** Security headers that never change: on every response, pages, API answers and Next's own errors. */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

/** Sent only when a proxy says the client used https (HTTPS_FORWARDED_PROTO). */
export const HSTS_HEADER = {
  key: "Strict-Transport-Security",
  value: "max-age=63072000; includeSubDomains",
};

/** JSON answers load nothing and are never framed; pages get a CSP with a nonce from middleware.ts. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * An X-Forwarded-Proto that says the client used https: any case, the first of a list (the proxy
 * nearest the client writes it first). A regular expression's source, as next.config.mjs's `has`
 * takes it (anchored there); lib/http/public-url.ts reads links' scheme with it too.
 */
export const HTTPS_FORWARDED_PROTO = "[hH][tT][tT][pP][sS](?:\\s*,.*)?";

/** HTTPS_FORWARDED_PROTO tested against a whole header value, as next.config.mjs's `has` does. */
export const HTTPS_PROXY = new RegExp(`^${HTTPS_FORWARDED_PROTO}$`);

/**
 * next.config.mjs's headers for every /api answer but HSTS, as name → value: for the answers
 * npm start sends without Next (lib/cli/direct-api.mjs, malformed-api-request.mjs).
 */
export const API_ANSWER_HEADERS = {
  ...Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value])),
  "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
};

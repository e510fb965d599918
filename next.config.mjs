import {
  API_CONTENT_SECURITY_POLICY,
  HSTS_HEADER,
  HTTPS_FORWARDED_PROTO,
  STATIC_SECURITY_HEADERS,
} from "./lib/http/static-security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets parallel builds (several worktrees, e2e runs) keep apart; ".next" otherwise.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // The reference API answers on "/api/tasks/" and "/api/tasks" alike; a 308 would break POST clients.
  skipTrailingSlashRedirect: true,
  // Lets pages answer 403 with forbidden() (lib/auth/page-actor.ts) and app/forbidden.tsx.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pino", "@node-rs/argon2", "mysql2", "ioredis"],
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: HTTPS_FORWARDED_PROTO }],
        headers: [HSTS_HEADER],
      },
      // Every /api answer but the Swagger UI page itself (/api/docs/foo is a JSON 404).
      ...["/api", "/api/:path((?!docs/?$).*)"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      })),
    ];
  },
  // The OpenAPI document is a static route (built at build time), which cannot read its query
  // string: "/api/schema/?format=yaml" goes to the static YAML rendering instead, and any other
  // format but json to the API's JSON 404, as DRF answers a format it does not render.
  async rewrites() {
    const byFormat = [
      { has: [{ type: "query", key: "format", value: "yaml" }], destination: "/api/schema/yaml/" },
      {
        has: [{ type: "query", key: "format", value: "^(?!(?:json|yaml)$).*$" }],
        destination: "/api/schema/unknown-format/",
      },
    ];
    return {
      beforeFiles: byFormat.flatMap((rule) => [
        { source: "/api/schema", ...rule },
        { source: "/api/schema/", ...rule },
      ]),
    };
  },
};

export default nextConfig;

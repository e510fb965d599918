/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets parallel builds (several worktrees, e2e runs) keep apart; ".next" otherwise.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // The reference API answers on "/api/tasks/" and "/api/tasks" alike; a 308 would break POST clients.
  skipTrailingSlashRedirect: true,
  // Lets pages answer 403 with forbidden() (lib/auth/page-actor.ts) and app/forbidden.tsx.
  // With a middleware, Next copies request bodies and silently cuts them at 10 MB: allow a full
  // CSV upload (UPLOAD_MAX_BYTES) plus its multipart envelope, so the route itself answers 413.
  experimental: {
    authInterrupts: true,
    proxyClientMaxBodySize: Number(process.env.UPLOAD_MAX_BYTES || 20 * 1024 * 1024) + 1024 * 1024,
  },
  serverExternalPackages: ["pino", "@node-rs/argon2", "mysql2", "ioredis"],
  // The OpenAPI document is a static route (built at build time), which cannot read its query
  // string: "/api/schema/?format=yaml" goes to the static YAML rendering instead.
  async rewrites() {
    const toYaml = {
      has: [{ type: "query", key: "format", value: "yaml" }],
      destination: "/api/schema/yaml/",
    };
    return {
      beforeFiles: [
        { source: "/api/schema", ...toYaml },
        { source: "/api/schema/", ...toYaml },
      ],
    };
  },
};

export default nextConfig;

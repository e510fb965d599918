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

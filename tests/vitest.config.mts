import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/etums_test";

export default defineConfig({
  root,
  resolve: { alias: { "@": root } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/helpers/global-setup.ts"],
    setupFiles: ["tests/helpers/setup-env.ts"],
    // One database for the suite: files run one at a time so counts and checksums stay exact.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      NODE_ENV: "test",
      DATABASE_URL: TEST_DATABASE_URL,
      LOG_FILE: process.env.TEST_LOG_FILE ?? "logs/test.log",
      LOG_LEVEL: "info",
      JWT_SECRET: "test-jwt-secret-that-is-long-enough-0123456789",
      NEXTAUTH_SECRET: "test-nextauth-secret-long-enough-0123456789",
      NEXTAUTH_URL: "http://127.0.0.1:3000",
      // Tests reckon "today" in UTC unless they set a zone of their own; a shell's TIME_ZONE must not leak in.
      TIME_ZONE: "UTC",
      REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      // Generous limits so suites are not throttled; rate-limit*.test.ts set their own small ones.
      RATE_LIMIT_API: "100000/60s",
      RATE_LIMIT_ANON: "100000/60s",
      RATE_LIMIT_LOGIN: "100000/60s",
    },
  },
});

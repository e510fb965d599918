import path from "node:path";
import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_LOG_FILE, E2E_PORT, E2E_TIME_ZONE } from "./e2e/env";

const root = path.resolve(__dirname, "..");

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./.artifacts/test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: `node_modules/.bin/tsx tests/e2e/prepare-database.ts && node lib/cli/start.mjs`,
    cwd: root,
    url: `${E2E_BASE_URL}/api/health/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(E2E_PORT),
      // Two workers, as on a two-core production host: every test goes through the cluster.
      WEB_CONCURRENCY: "2",
      DATABASE_URL: E2E_DATABASE_URL,
      NEXTAUTH_URL: E2E_BASE_URL,
      NEXTAUTH_SECRET: "e2e-nextauth-secret-long-enough-0123456789",
      JWT_SECRET: "e2e-jwt-secret-that-is-long-enough-0123456789",
      REDIS_URL: process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379",
      LOG_FILE: E2E_LOG_FILE,
      TIME_ZONE: E2E_TIME_ZONE,
      RATE_LIMIT_LOGIN: "1000/60s",
      RATE_LIMIT_API: "100000/60s",
      RATE_LIMIT_ANON: "100000/60s",
    },
  },
});

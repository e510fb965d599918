import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs after the main suite (tests/run.mjs): it reads the calls that suite recorded. */
export default defineConfig({
  root,
  resolve: { alias: { "@": root } },
  test: {
    include: ["tests/contract/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    env: { NODE_ENV: "test" },
  },
});

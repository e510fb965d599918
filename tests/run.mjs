// `npm test`: installs what is missing, then lint, types, vitest (unit + integration against
// MariaDB and Redis), a production build, and Playwright end-to-end tests in Debian's Chromium.
import fs from "node:fs";
import path from "node:path";
import { buildUnlessCurrent } from "../lib/cli/build-stamp.mjs";
import { ensureDependencies, step } from "../lib/cli/ensure-deps.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
ensureDependencies(root);

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  console.error(
    `Chromium was not found at ${chromium}. Install Debian's Chromium (sudo apt-get update && sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => path.join(root, "node_modules", ".bin", name);

await step("Lint (ESLint + Prettier)", "npm", ["run", "--silent", "lint"], { env });
await step("Type check", bin("tsc"), ["--noEmit"], { env });
// The API tests record every response; the contract step then checks each against the OpenAPI document.
const recordedCalls = path.join(root, "tests", ".artifacts", "api-calls.jsonl");
fs.rmSync(recordedCalls, { force: true });
await step(
  "Unit and integration tests (vitest)",
  bin("vitest"),
  ["run", "--config", "tests/vitest.config.mts"],
  { env: { ...env, RECORD_API_CALLS: "1" } },
);
await step(
  "API responses against the OpenAPI document (contract)",
  bin("vitest"),
  ["run", "--config", "tests/contract/vitest.config.mts"],
  { env },
);
await buildUnlessCurrent(root, env);
await step(
  "End-to-end tests (Playwright, Chromium)",
  bin("playwright"),
  ["test", "--config", "tests/playwright.config.ts"],
  { env },
);
console.log("\n✔ All tests passed.");

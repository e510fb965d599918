import { expect, test } from "@playwright/test";
import { STARTUP_REFUSED } from "../../lib/cli/exit-codes.mjs";
import { E2E_PORT } from "./env";
import { exitWithin, launch } from "./helpers/launcher";

test("a production server without its secrets refuses to start and names them", async () => {
  // Every worker fails the same way before it listens: the launcher stops instead of looping.
  const server = launch({
    PORT: String(E2E_PORT + 1),
    WEB_CONCURRENCY: "2",
    NEXTAUTH_SECRET: "",
    JWT_SECRET: "",
  });
  expect(await exitWithin(server, 30_000)).toBe(STARTUP_REFUSED);
  expect(server.output()).toContain(
    "ETUMS cannot start: Missing required secret(s) in production: NEXTAUTH_SECRET, JWT_SECRET",
  );
  expect(server.output()).toContain("A worker refused to start (see above): stopping.");
  expect(server.output()).not.toContain("ETUMS ready");
});

import { afterAll } from "vitest";
import { closeDb } from "@/db/client";

// Each test file gets its own pool; close it so the worker can exit.
afterAll(async () => {
  await closeDb();
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { E2E_LOG_FILE } from "../env";

/** The e2e server's log so far, a JSON object per line (written in the background: poll). */
export function appLogLines(): Record<string, unknown>[] {
  return readFileSync(path.resolve(__dirname, "../../..", E2E_LOG_FILE), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

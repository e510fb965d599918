import { beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestUser } from "../helpers/factories";
import { databaseState, upload } from "./bulk-helpers";

// A small line limit for this file only; config() reads the environment on first use.
process.env.UPLOAD_MAX_LINES = "10";

const HEADER = "title,description,assigned_to,status";
const REFUSAL = "The file exceeds the upload limit of 10 lines; split it into smaller files.";

let manager: TestUser;

beforeAll(async () => {
  manager = await makeUser("MANAGER");
});

describe("the upload's line limit (UPLOAD_MAX_LINES)", () => {
  it("takes a file of as many lines as the limit", async () => {
    const rows = Array.from({ length: 9 }, (_, i) => `Within ${i},,,TODO`);
    const res = await upload<{ rows: number }>(manager.token, [HEADER, ...rows].join("\n") + "\n", {
      query: "?dry_run=1",
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.rows).toBe(9);
  });

  it("refuses a longer file with 413, blank lines and quoted line breaks counted, and writes nothing", async () => {
    const files = [
      [HEADER, ...Array.from({ length: 12 }, (_, i) => `Over ${i},,,TODO`)].join("\n"),
      // A few rows and a flood of empty lines: reading them all would be work for nothing.
      `${HEADER}\nOne,,,TODO\n${"\n".repeat(5_000)}`,
      `${HEADER}\nOne,"${"line\n".repeat(12)}",,TODO\n`,
    ];
    const before = await databaseState();
    for (const [index, csv] of files.entries()) {
      for (const query of ["", "?dry_run=1"]) {
        const res = await upload<{ detail: string }>(manager.token, csv, { query });
        expect({ index, query, status: res.status }).toEqual({ index, query, status: 413 });
        expect(res.body.detail).toBe(REFUSAL);
      }
    }
    expect(await databaseState()).toBe(before);
  });
});

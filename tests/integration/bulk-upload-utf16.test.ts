import { beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestUser } from "../helpers/factories";
import { databaseState, upload } from "./bulk-helpers";

type ErrorBody = {
  detail: string;
  errors: { line: number; column: string | null; value: string | null; message: string }[];
};

const UTF16 = "This file is UTF-16 text; save it as CSV UTF-8 and upload it again.";

let manager: TestUser;

beforeAll(async () => {
  manager = await makeUser("MANAGER");
});

/** Excel's "Unicode Text": UTF-16 with its byte order mark, little-endian (FF FE) on Windows. */
function utf16(text: string, order: "LE" | "BE"): Buffer {
  const bytes = Buffer.from(`\ufeff${text}`, "utf16le");
  return order === "LE" ? bytes : bytes.swap16();
}

describe("bulk-upload of a UTF-16 file", () => {
  it.each(["LE", "BE"] as const)(
    "names UTF-16 (%s, with its BOM) as the problem, not binary content, and writes nothing",
    async (order) => {
      const csv = utf16("title,description,assigned_to,status\r\nUnicode,,,TODO\r\n", order);
      expect(csv.subarray(0, 2)).toEqual(Buffer.from(order === "LE" ? [0xff, 0xfe] : [0xfe, 0xff]));
      const before = await databaseState();
      for (const query of ["", "?dry_run=1"]) {
        const res = await upload<ErrorBody>(manager.token, csv, { query });
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body.detail).toBe(UTF16);
        expect(res.body.errors).toEqual([
          { line: 1, column: null, field: null, value: null, message: UTF16 },
        ]);
      }
      expect(await databaseState()).toBe(before);
    },
  );

  it("still calls a file with NUL bytes and no UTF-16 mark binary", async () => {
    const bare = Buffer.from("title,description,assigned_to,status\r\n", "utf16le");
    const res = await upload<ErrorBody>(manager.token, bare, { query: "?dry_run=1" });
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(
      "This file is binary, not CSV text; upload a .csv file saved as UTF-8.",
    );
  });
});

import type { RowDataPacket } from "mysql2";
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/db/client";
import { makeUser, type TestUser } from "../helpers/factories";
import { databaseState, upload } from "./bulk-helpers";

type UploadBody = {
  created: number;
  import_id: number | null;
  detail: string;
  errors: { line: number; column: string | null; value: string | null; message: string }[];
};

const HEADER = "title,description,assigned_to,status";
const TOO_WIDE = "Expected 4 cells, found 5; a cell may hold an unquoted comma.";

let manager: TestUser;
let employee: TestUser;

beforeAll(async () => {
  manager = await makeUser("MANAGER");
  employee = await makeUser("EMPLOYEE");
});

async function importedRows(importId: number | null) {
  const [rows] = await pool().query<RowDataPacket[]>(
    "SELECT title, description, assigned_to, status FROM tasks WHERE import_id = ? ORDER BY id",
    [importId],
  );
  return rows;
}

describe("bulk-upload of rows with empty cells past the header (a trailing comma)", () => {
  it("ignores extra cells that are all empty or blank", async () => {
    const tag = `trail-${Date.now().toString(36)}`;
    const csv = [
      HEADER,
      `${tag} one,"desc",${employee.id},TODO,`,
      `${tag} two,,,DONE, ,\t,""`,
      `${tag} three,,,IN_PROGRESS`,
    ].join("\r\n");
    const res = await upload<UploadBody>(manager.token, csv);
    expect(res.status, res.text).toBe(201);
    expect(res.body.created).toBe(3);
    expect(await importedRows(res.body.import_id)).toEqual([
      { title: `${tag} one`, description: "desc", assigned_to: employee.id, status: "TODO" },
      { title: `${tag} two`, description: "", assigned_to: null, status: "DONE" },
      { title: `${tag} three`, description: "", assigned_to: null, status: "IN_PROGRESS" },
    ]);
  });

  it("still refuses a row whose extra cell holds something, by its line, and writes nothing", async () => {
    const before = await databaseState();
    const csv = [
      HEADER, // 1
      "Fine,,,TODO,", // 2
      "Unquoted,comma, in the description,,TODO", // 3
      "Fine too,,,TODO,,", // 4
      "Last cell,,,TODO,,x", // 5
    ].join("\n");
    for (const query of ["", "?dry_run=1"]) {
      const res = await upload<UploadBody>(manager.token, csv, { query });
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.detail).toBe("2 errors found in the file's 4 rows; nothing was imported.");
      expect(res.body.errors.map((e) => [e.line, e.message])).toEqual([
        [3, TOO_WIDE],
        [5, "Expected 4 cells, found 6; a cell may hold an unquoted comma."],
      ]);
    }
    expect(await databaseState()).toBe(before);
  });

  it("reads a header with an empty trailing name (Excel's trailing comma) as the columns before it", async () => {
    const tag = `head-${Date.now().toString(36)}`;
    const csv = [`${HEADER}, ,`, `${tag} with,,,TODO,,`, `${tag} without,,,DONE`].join("\r\n");
    const res = await upload<UploadBody>(manager.token, csv);
    expect(res.status, res.text).toBe(201);
    expect((await importedRows(res.body.import_id)).map((row) => row.title)).toEqual([
      `${tag} with`,
      `${tag} without`,
    ]);
  });

  it("refuses a value under a header's empty trailing name, and an empty name between others", async () => {
    const before = await databaseState();
    const underBlank = await upload<UploadBody>(manager.token, `${HEADER},\nA,,,TODO,note\n`);
    expect(underBlank.status).toBe(400);
    expect(underBlank.body.errors.map((e) => [e.line, e.message])).toEqual([[2, TOO_WIDE]]);
    const between = await upload<UploadBody>(
      manager.token,
      "title,,description,assigned_to,status\nA,,,,TODO\n",
    );
    expect(between.status).toBe(400);
    expect(between.body.detail).toMatch(/^Unknown column\(s\): \(empty\)\./);
    expect(await databaseState()).toBe(before);
  });

  it("skips rows of nothing but commas (a spreadsheet's empty rows), lines still counted", async () => {
    const tag = `commas-${Date.now().toString(36)}`;
    const csv = [
      `${HEADER},,`, // 1
      `${tag} one,,,TODO,,`, // 2
      ",,,,,", // 3
      " , ,,\t,,", // 4
      `${tag} two,,,FINISHED,,`, // 5
      ",,,,,", // 6
    ].join("\r\n");
    const refused = await upload<UploadBody>(manager.token, csv, { query: "?dry_run=1" });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toBe("1 error found in the file's 2 rows; nothing was imported.");
    expect(refused.body.errors.map((e) => e.line)).toEqual([5]);

    const res = await upload<UploadBody>(manager.token, csv.replace("FINISHED", "DONE"), {
      columns: JSON.stringify({ title: "title", status: "status" }),
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.created).toBe(2);
    expect((await importedRows(res.body.import_id)).map((row) => row.title)).toEqual([
      `${tag} one`,
      `${tag} two`,
    ]);
  });

  it("with a `columns` mapping, still reads an unnamed column as one of the file's others", async () => {
    const csv = "Name,State,\nMapped,TODO,a note\n";
    const res = await upload<UploadBody>(manager.token, csv, {
      columns: JSON.stringify({ title: "Name", status: "State" }),
      query: "?dry_run=1",
    });
    expect(res.status, res.text).toBe(200);
  });
});

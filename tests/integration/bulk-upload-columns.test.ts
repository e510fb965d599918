import type { RowDataPacket } from "mysql2";
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/db/client";
import { makeUser, type TestUser } from "../helpers/factories";
import { databaseState, upload } from "./bulk-helpers";

type UploadBody = {
  created: number;
  rows: number;
  import_id: number | null;
  detail: string;
  errors: { line?: number; field?: string; column?: string | null; message: string }[];
};

let manager: TestUser;
let employee: TestUser;

const SHEET_COLUMNS = JSON.stringify({
  title: "Name",
  description: "Notes",
  assigned_to: "Assignee",
  status: "State",
});

beforeAll(async () => {
  manager = await makeUser("MANAGER");
  employee = await makeUser("EMPLOYEE");
});

describe("bulk-upload with a `columns` mapping (a spreadsheet's own column names)", () => {
  it("reads each of our columns from the file's column named for it and ignores the others", async () => {
    const tag = `map-${Date.now().toString(36)}`;
    const csv = [
      "Row id, name ,Assignee,Notes,State,Colour",
      `1,${tag} first,${employee.email.toUpperCase()},"Notes, with a comma",in_progress,red`,
      `2,${tag} second,,,TODO,blue`,
    ].join("\r\n");
    const res = await upload<UploadBody>(manager.token, csv, { columns: SHEET_COLUMNS });
    expect(res.status, res.text).toBe(201);
    expect(res.body.created).toBe(2);
    const [rows] = await pool().query<RowDataPacket[]>(
      "SELECT title, description, assigned_to, status FROM tasks WHERE import_id = ? ORDER BY id",
      [res.body.import_id],
    );
    expect(rows).toEqual([
      {
        title: `${tag} first`,
        description: "Notes, with a comma",
        assigned_to: employee.id,
        status: "IN_PROGRESS",
      },
      { title: `${tag} second`, description: "", assigned_to: null, status: "TODO" },
    ]);
  });

  it("takes a column the mapping leaves out as empty in every row: only the title must be mapped", async () => {
    const tag = `lean-${Date.now().toString(36)}`;
    const csv = ["Name,State", `${tag} one,DONE`, `${tag} two,`].join("\n");
    const res = await upload<UploadBody>(manager.token, csv, {
      columns: JSON.stringify({ title: "Name", status: "State" }),
    });
    expect(res.status, res.text).toBe(201);
    const [rows] = await pool().query<RowDataPacket[]>(
      "SELECT title, description, assigned_to, status FROM tasks WHERE import_id = ? ORDER BY id",
      [res.body.import_id],
    );
    expect(rows).toEqual([
      { title: `${tag} one`, description: "", assigned_to: null, status: "DONE" },
      { title: `${tag} two`, description: "", assigned_to: null, status: "TODO" },
    ]);
    // Without a mapping, the file's header must still hold every required column.
    const bare = await upload<UploadBody>(manager.token, "title,status\nA,DONE\n");
    expect(bare.status).toBe(400);
    expect(bare.body.detail).toMatch(/^Missing required column\(s\): description, assigned_to\./);
  });

  it("without the mapping the same file is refused, naming the columns it does not know", async () => {
    const csv = "Name,Notes,Assignee,State\nA,,,TODO\n";
    const res = await upload<UploadBody>(manager.token, csv);
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain("Unknown column(s): Name, Notes, Assignee, State.");
  });

  it("checks the file's own bytes and lines: a Latin-1 file is refused at its first bad line", async () => {
    const before = await databaseState();
    const latin1 = Buffer.concat([
      Buffer.from("Name,Notes,Assignee,State\nPlain,,,TODO\n", "latin1"),
      Buffer.from("Caf\xe9 r\xe9sum\xe9,d\xe9tail,,TODO\n", "latin1"),
    ]);
    const res = await upload<UploadBody>(manager.token, latin1, { columns: SHEET_COLUMNS });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/not valid UTF-8.*line 3/i);
    expect(await databaseState()).toBe(before);
  });

  it("reports a short row by its line in the file, blank lines counted, and writes nothing", async () => {
    const before = await databaseState();
    const csv = "Name,Notes,Assignee,State\n\nFirst,ok,,TODO\n\nShort row only\nBad,,,FINISHED\n";
    const res = await upload<UploadBody>(manager.token, csv, { columns: SHEET_COLUMNS });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        line: 5,
        column: "Notes",
        field: "description",
        value: null,
        message: "Expected 4 cells, found 1; missing: Notes, Assignee, State.",
      },
      {
        line: 6,
        column: "State",
        field: "status",
        value: "FINISHED",
        message: "Status must be one of TODO, IN_PROGRESS, DONE.",
      },
    ]);
    expect(await databaseState()).toBe(before);
  });

  it("refuses a mapping that names a column the file lacks, or names one twice in the file", async () => {
    const absent = await upload<UploadBody>(manager.token, "Name,Notes,Assignee\nA,,\n", {
      columns: SHEET_COLUMNS,
    });
    expect(absent.status).toBe(400);
    expect(absent.body.detail).toBe("The file has no column named: State.");

    const twice = await upload<UploadBody>(
      manager.token,
      "Name,Notes,Assignee,State,name\nA,,,TODO,B\n",
      { columns: SHEET_COLUMNS },
    );
    expect(twice.status).toBe(400);
    expect(twice.body.detail).toBe("The file has more than one column named: Name.");
  });

  it.each([
    ["not JSON", "title=Name", { field: "columns" }],
    [
      "a field longer than a mapping can be",
      `${SHEET_COLUMNS}${" ".repeat(5000)}`,
      { field: "columns" },
    ],
    [
      "the title left out",
      JSON.stringify({ description: "Notes", status: "State" }),
      { field: "columns" },
    ],
    // A key's error is named by the key, in the words any JSON body's unknown field gets.
    [
      "a column we do not have",
      JSON.stringify({ ...JSON.parse(SHEET_COLUMNS), colour: "C" }),
      { field: "columns.colour", message: "Unknown field." },
    ],
    [
      "an empty name",
      JSON.stringify({ ...JSON.parse(SHEET_COLUMNS), title: " " }),
      { field: "columns.title" },
    ],
    [
      "one file column for two of ours",
      JSON.stringify({ ...JSON.parse(SHEET_COLUMNS), title: "notes" }),
      { field: "columns" },
    ],
  ])("answers 400 on the `columns` field for %s", async (_, columns, error) => {
    const res = await upload<UploadBody>(manager.token, "Name,Notes,Assignee,State\nA,,,TODO\n", {
      columns,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining(error)]);
    expect(res.body.detail).toMatch(/^Invalid columns: /);
  });

  it("an Idempotency-Key retry must repeat the mapping too: another mapping is 409", async () => {
    const key = `columns-${Date.now()}`;
    const csv = "Name,Notes,Assignee,State,Other\nKeyed,,,TODO,x\n";
    const headers = { "Idempotency-Key": key };
    const first = await upload<UploadBody>(manager.token, csv, { columns: SHEET_COLUMNS, headers });
    expect(first.status, first.text).toBe(201);
    const again = await upload<UploadBody>(manager.token, csv, { columns: SHEET_COLUMNS, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const remapped = JSON.stringify({ ...JSON.parse(SHEET_COLUMNS), description: "Other" });
    const other = await upload<UploadBody>(manager.token, csv, { columns: remapped, headers });
    expect(other.status).toBe(409);
  });

  it("reads an empty `columns` field (a form's untouched input) as no mapping", async () => {
    const res = await upload<UploadBody>(
      manager.token,
      "title,description,assigned_to,status\nA,,,TODO\n",
      {
        columns: " ",
        query: "?dry_run=1",
      },
    );
    expect(res.status, res.text).toBe(200);
  });

  it("says so when the file is separated by semicolons", async () => {
    const semicolonHeader = "title;description;assigned_to;status";
    const cases = [
      { csv: `${semicolonHeader}\nA;;;TODO\n` },
      // Mapped onto the one column it has, it would import each row whole as a title.
      { csv: `${semicolonHeader}\nA;;;TODO\n`, columns: { title: semicolonHeader } },
      // An empty cell after it (a trailing comma) does not hide it.
      { csv: `${semicolonHeader},\nA;;;TODO,\n`, columns: { title: semicolonHeader } },
    ];
    for (const { csv, columns } of cases) {
      const res = await upload<UploadBody>(
        manager.token,
        csv,
        columns ? { columns: JSON.stringify(columns) } : {},
      );
      expect(res.status, csv).toBe(400);
      expect(res.body.detail).toContain("separated by semicolons");
    }
    // One name that merely ends in a semicolon is one column.
    const one = await upload<UploadBody>(manager.token, "Name;\nA\n", {
      columns: JSON.stringify({ title: "Name;" }),
      query: "?dry_run=1",
    });
    expect(one.status, one.text).toBe(200);
  });

  it("accepts the older CSV media types browsers still send", async () => {
    for (const type of ["text/x-csv", "application/x-csv", "text/x-comma-separated-values"]) {
      const res = await upload<UploadBody>(
        manager.token,
        "title,description,assigned_to,status\n",
        {
          type,
          query: "?dry_run=1",
        },
      );
      expect(res.status, type).toBe(400);
      expect(res.body.detail).toBe("The file has a header but no task rows.");
    }
  });
});

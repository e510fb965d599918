import { Readable } from "node:stream";
import type { RowDataPacket } from "mysql2";
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/db/client";
import { INSERT_BATCH_ROWS } from "@/lib/services/bulk-transaction";
import { tasksOfOwnImport } from "@/lib/services/imported-tasks";
import { importTasksCsv } from "@/lib/services/task-import";
import { MAX_LISTED_ASSIGNEES, type AssigneeSummary } from "@/lib/validation/bulk-create";
import { api } from "../helpers/api";
import { actorOf, makeTask, makeUser, type TestUser } from "../helpers/factories";
import { someTransactionWaitsForALock } from "../helpers/lock-waits";
import { expectCountersMatchTasks } from "../helpers/task-counts";
import { databaseState, fixture, taskCount, upload } from "./bulk-helpers";

type UploadBody = {
  created: number;
  rows: number;
  import_id: number | null;
  dry_run: boolean;
  message: string;
  same_file_imported?: { import_id: number; imported_at: string; created: number } | null;
  assignees?: AssigneeSummary;
  detail: string;
  errors: { line: number; column: string | null; value: string | null; message: string }[];
  total_errors: number;
};

let manager: TestUser;
let employee: TestUser;
let inactive: TestUser;
let admin: TestUser;

const HEADER = "title,description,assigned_to,status";

async function importedRows(importId: number | null) {
  const [rows] = await pool().query<RowDataPacket[]>(
    `SELECT title, description, assigned_to, status, priority, due_date, created_by
     FROM tasks WHERE import_id = ? ORDER BY id`,
    [importId],
  );
  return rows;
}

beforeAll(async () => {
  manager = await makeUser("MANAGER");
  employee = await makeUser("EMPLOYEE");
  inactive = await makeUser("EMPLOYEE", { isActive: false });
  admin = await makeUser("ADMIN");
});

describe("POST /api/tasks/bulk-upload/", () => {
  it("imports the reference's sample file, its assignees given by user id, and records the import", async () => {
    // The sample names users 2 and 3: give it the ids of two real assignees.
    const sample = fixture("seed-tasks.csv")
      .toString("utf8")
      .replace(/,([23]),/g, (_, id: string) => `,${id === "2" ? manager.id : employee.id},`);
    const before = await taskCount();
    const res = await upload<UploadBody>(manager.token, sample, { fileName: "tasks.csv" });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ created: 3, message: "3 tasks uploaded successfully" });
    expect(await taskCount()).toBe(before + 3);
    const rows = await importedRows(res.body.import_id);
    expect(
      rows.map((r) => [r.title, r.description, r.assigned_to, r.status, r.created_by]),
    ).toEqual([
      ["Prepare Monthly Report", "Finance data analysis", employee.id, "TODO", manager.id],
      ["Review Code", "Review PR", manager.id, "IN_PROGRESS", manager.id],
      ["Client Follow-up", "Call client", employee.id, "DONE", manager.id],
    ]);
    const [[record]] = await pool().query<RowDataPacket[]>(
      "SELECT user_id, file_name, row_count, checksum FROM task_imports WHERE id = ?",
      [res.body.import_id],
    );
    const { createHash } = await import("node:crypto");
    expect(record).toMatchObject({
      user_id: manager.id,
      file_name: "tasks.csv",
      row_count: 3,
      checksum: createHash("sha256").update(sample).digest("hex"),
    });
    const [events] = await pool().query<RowDataPacket[]>(
      "SELECT kind, actor_id FROM activity WHERE import_id = ?",
      [res.body.import_id],
    );
    expect(events).toEqual([{ kind: "TASK_IMPORTED", actor_id: manager.id }]);

    // Each task points back to its import, and its own history begins with it.
    const [first] = await pool().query<RowDataPacket[]>(
      "SELECT id FROM tasks WHERE import_id = ? ORDER BY id LIMIT 1",
      [res.body.import_id],
    );
    const taskId = Number(first[0]!.id);
    const task = await api<{ import_id: number | null }>("GET", `/api/tasks/${taskId}/`, {
      token: employee.token,
    });
    expect(task.body.import_id).toBe(res.body.import_id);
    await api("PATCH", `/api/tasks/${taskId}/`, {
      token: employee.token,
      body: { status: "IN_PROGRESS" },
    });
    const history = await api<{ kind: string; actor: { id: number } | null; to_value: string }[]>(
      "GET",
      `/api/tasks/${taskId}/activity/`,
      { token: employee.token },
    );
    expect(history.status).toBe(200);
    expect(history.body.map((e) => [e.kind, e.actor?.id])).toEqual([
      ["TASK_IMPORTED", manager.id],
      ["TASK_STATUS_CHANGED", employee.id],
    ]);
    // The file's name and size are the importer's (and admins') to see, not every assignee's.
    expect(history.body[0]!.to_value).toBeNull();
    const importersView = await api<{ to_value: string | null }[]>(
      "GET",
      `/api/tasks/${taskId}/activity/`,
      { token: manager.token },
    );
    expect(importersView.body[0]!.to_value).toBe("tasks.csv (3 tasks)");

    const one = await upload<UploadBody>(manager.token, `${HEADER}\nOnly one,,,TODO\n`);
    expect(one.status).toBe(201);
    const [oneImport] = await pool().query<RowDataPacket[]>(
      "SELECT to_value FROM activity WHERE kind = 'TASK_IMPORTED' AND import_id = ?",
      [one.body.import_id],
    );
    expect(oneImport.map((e) => e.to_value)).toEqual(["tasks.csv (1 task)"]);
  });

  it("reads a BOM, CRLF line ends and quoted cells holding commas, quotes and newlines", async () => {
    const csv =
      "\uFEFF Title , DESCRIPTION,Assigned_To,status,Due_Date,priority\r\n" +
      `"Plan, then act","He said ""go""\r\nthen left",${employee.email.toUpperCase()},,2026-03-01,high\r\n` +
      `Second,"multi\r\nline\r\ntext",${employee.id},done,,\r\n`;
    const res = await upload<UploadBody>(manager.token, csv);
    expect(res.status, res.text).toBe(201);
    expect(res.body.created).toBe(2);
    const rows = await importedRows(res.body.import_id);
    expect(rows.map((r) => ({ ...r }))).toEqual([
      {
        title: "Plan, then act",
        description: 'He said "go"\r\nthen left',
        assigned_to: employee.id,
        status: "TODO",
        priority: "HIGH",
        due_date: "2026-03-01",
        created_by: manager.id,
      },
      {
        title: "Second",
        description: "multi\r\nline\r\ntext",
        assigned_to: employee.id,
        status: "DONE",
        priority: "MEDIUM",
        due_date: null,
        created_by: manager.id,
      },
    ]);
  });

  it("imports LF rows appended to a CRLF export and old-Mac CR rows, each as its own task", async () => {
    const csv =
      "title,description,assigned_to,status\r\n" +
      `Windows,"kept\r\nas written",${employee.id},TODO\r\n` +
      `Appended,"unix\nline",${employee.id},DONE\n` +
      `Mac,,${employee.id},IN_PROGRESS\rLast,,${employee.id},\n`;
    const res = await upload<UploadBody>(manager.token, csv);
    expect(res.status, res.text).toBe(201);
    const rows = await importedRows(res.body.import_id);
    expect(rows.map((r) => [r.title, r.description, r.status])).toEqual([
      ["Windows", "kept\r\nas written", "TODO"],
      ["Appended", "unix\nline", "DONE"],
      ["Mac", "", "IN_PROGRESS"],
      ["Last", "", "TODO"],
    ]);
  });

  it("names the line, column and value of every bad row and writes nothing", async () => {
    const lines = [
      `${HEADER},due_date,priority`, // 1
      `Good,"spans\ntwo lines",${employee.id},TODO,,`, // 2-3
      `,no title,${employee.id},TODO,,`, // 4
      `${"x".repeat(201)},long title,,TODO,,`, // 5
      `Bad status,,,FINISHED,,`, // 6
      `Bad priority,,,TODO,,CRITICAL`, // 7
      `Bad date,,,TODO,2026-02-30,`, // 8
      `Unknown user,,999999,TODO,,`, // 9
      `Inactive user,,${inactive.email},TODO,,`, // 10
      `Admin assignee,,${admin.id},TODO,,`, // 11
      `Short row,,${employee.id},TODO`, // 12
      `Bad assignee,,someone,TODO,,`, // 13
      `Good again,,,TODO,,`, // 14
      `Last day,,,TODO,9999-12-31,`, // 15
    ];
    const before = await databaseState();
    const res = await upload<UploadBody>(manager.token, lines.join("\n") + "\n");
    expect(res.status, res.text).toBe(400);
    // Eleven errors, in a file of thirteen task rows (lines 2 to 15, one row across two lines).
    expect(res.body.detail).toBe("11 errors found in the file's 13 rows; nothing was imported.");
    expect(res.body.total_errors).toBe(11);
    expect(res.body.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [4, "title", ""],
      [5, "title", "x".repeat(200) + "…"],
      [6, "status", "FINISHED"],
      [7, "priority", "CRITICAL"],
      [8, "due_date", "2026-02-30"],
      [9, "assigned_to", "999999"],
      [10, "assigned_to", inactive.email],
      [11, "assigned_to", String(admin.id)],
      [12, "due_date", null],
      [13, "assigned_to", "someone"],
      [15, "due_date", "9999-12-31"],
    ]);
    const messages = res.body.errors.map((e) => e.message);
    expect(messages).toEqual([
      "Title is required.",
      "Title must be at most 200 characters.",
      "Status must be one of TODO, IN_PROGRESS, DONE.",
      "Priority must be one of LOW, MEDIUM, HIGH, URGENT.",
      "2026-02-30 is not a real date.",
      // A manager cannot tell a missing account from an admin's or a deactivated one.
      "User 999999 is not an active employee or manager.",
      `User ${inactive.email} is not an active employee or manager.`,
      `User ${admin.id} is not an active employee or manager.`,
      "Expected 6 cells, found 4; missing: due_date, priority.",
      "Must be a user id or an email address.",
      "Enter a due date from 1000-01-01 to 9999-12-30.",
    ]);
    expect(await databaseState()).toBe(before);

    // An admin, who may list every user, is told which rule failed.
    const byAdmin = await upload<UploadBody>(admin.token, lines.join("\n") + "\n", {
      query: "?dry_run=1",
    });
    expect(
      byAdmin.body.errors.filter((e) => e.column === "assigned_to").map((e) => e.message),
    ).toEqual([
      "User 999999 does not exist.",
      `User ${inactive.email} is not active.`,
      `User ${admin.id} cannot be assigned tasks (role ADMIN).`,
      "Must be a user id or an email address.",
    ]);
  });

  it("counts one error in one row in the singular", async () => {
    const res = await upload<UploadBody>(manager.token, `${HEADER}\nBad,,,FINISHED\n`);
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe("1 error found in the file's 1 row; nothing was imported.");
  });

  it("reports a quoted cell that is never closed at the line it starts on", async () => {
    const before = await databaseState();
    const res = await upload<UploadBody>(
      manager.token,
      `${HEADER}\nOk,,,TODO\nBroken,"open,,TODO\nx,,,TODO\n`,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({
      line: 3,
      message: "A quoted cell is never closed.",
    });
    expect(await databaseState()).toBe(before);
  });

  it("names unknown and missing columns", async () => {
    const res = await upload<UploadBody>(manager.token, "title,owner,colour\nA,b,c\n");
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(
      "Missing required column(s): description, assigned_to, status.",
    );
    expect(res.body.detail).toContain("Unknown column(s): owner, colour.");
  });

  it("refuses a file that is not UTF-8, naming the first bad line", async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${HEADER}\nCafe,plain,,TODO\n`),
      Buffer.from("Caf\xe9,r\xe9sum\xe9,,TODO\n", "latin1"),
    ]);
    const before = await databaseState();
    const res = await upload<UploadBody>(manager.token, latin1);
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/not valid UTF-8.*line 3/);
    expect(await databaseState()).toBe(before);
  });

  it("refuses an empty file and a header without rows", async () => {
    expect((await upload(manager.token, "")).status).toBe(400);
    const headerOnly = await upload<UploadBody>(manager.token, `${HEADER}\r\n`);
    expect(headerOnly.status).toBe(400);
    expect(headerOnly.body.detail).toBe("The file has a header but no task rows.");
  });

  it("dry run reports counts or the same errors, and writes nothing", async () => {
    const before = await databaseState();
    const ok = await upload<UploadBody>(
      manager.token,
      `${HEADER}\nA,,,TODO\nB,,${employee.id},\n`,
      {
        query: "?dry_run=1",
      },
    );
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ dry_run: true, rows: 2, created: 0, import_id: null });
    const bad = await upload<UploadBody>(manager.token, `${HEADER}\nA,,,TODO\n,x,,\n`, {
      query: "?dry_run=1",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { line: 3, column: "title", field: "title", value: "", message: "Title is required." },
    ]);
    expect(await databaseState()).toBe(before);
  });

  it("dry run names who the tasks would go to, given by id or e-mail; an import does not", async () => {
    const csv = `${HEADER}\nA,,${employee.id},\nB,,${employee.email.toUpperCase()},\nC,,${manager.id},\nD,,,\n`;
    const checked = await upload<UploadBody>(manager.token, csv, { query: "?dry_run=1" });
    expect(checked.status, checked.text).toBe(200);
    const person = (user: TestUser, tasks: number) => ({
      id: user.id,
      email: user.email,
      full_name: user.fullName,
      tasks,
    });
    expect(checked.body.assignees).toEqual({
      people: [person(employee, 2), person(manager, 1)],
      more_people: 0,
      unassigned: 1,
    });
    const imported = await upload<UploadBody>(manager.token, csv);
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body).not.toHaveProperty("assignees");
  });

  it("dry run lists the people with most tasks by name and counts the rest", async () => {
    const team = await Promise.all(
      Array.from({ length: MAX_LISTED_ASSIGNEES + 2 }, () => makeUser("EMPLOYEE")),
    );
    // The first of the team gets two tasks: listed first, whatever the names.
    const rows = [team[0]!, ...team].map((user, i) => `Spread ${i},,${user.id},`);
    const checked = await upload<UploadBody>(manager.token, `${HEADER}\n${rows.join("\n")}\n`, {
      query: "?dry_run=1",
    });
    expect(checked.status, checked.text).toBe(200);
    const { people, more_people, unassigned } = checked.body.assignees!;
    expect(people).toHaveLength(MAX_LISTED_ASSIGNEES);
    expect(people[0]).toMatchObject({ id: team[0]!.id, tasks: 2 });
    const names = people.slice(1).map((p) => p.full_name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(more_people).toBe(2);
    expect(unassigned).toBe(0);
  });

  it("dry run says when the caller already imported the very same file", async () => {
    const csv = `${HEADER}\nTwice ${Date.now().toString(36)},,,TODO\n`;
    const fresh = await upload<UploadBody>(manager.token, csv, { query: "?dry_run=1" });
    expect(fresh.body.same_file_imported).toBeNull();
    const imported = await upload<UploadBody>(manager.token, csv);
    expect(imported.status).toBe(201);
    expect(imported.body.message).toBe("1 task uploaded successfully");
    const again = await upload<UploadBody>(manager.token, csv, { query: "?dry_run=1" });
    expect(again.status).toBe(200);
    expect(again.body.same_file_imported).toMatchObject({
      import_id: imported.body.import_id,
      created: 1,
    });
    expect(Date.parse(again.body.same_file_imported!.imported_at)).toBeGreaterThan(0);
    // Someone else's import of the same bytes is theirs to know about.
    const otherManager = await makeUser("MANAGER");
    const theirs = await upload<UploadBody>(otherManager.token, csv, { query: "?dry_run=1" });
    expect(theirs.body.same_file_imported).toBeNull();
  });

  it("refuses a body cut off inside the file, dry run or not, with a 400", async () => {
    const before = await databaseState();
    const cutOff = [
      "--cut",
      'Content-Disposition: form-data; name="file"; filename="tasks.csv"',
      "Content-Type: text/csv",
      "",
      `${HEADER}\r\nCut short,,,TODO\r\n`,
    ].join("\r\n");
    for (const query of ["?dry_run=1", ""]) {
      const res = await api("POST", `/api/tasks/bulk-upload/${query}`, {
        token: manager.token,
        rawBody: cutOff,
        headers: { "content-type": "multipart/form-data; boundary=cut" },
      });
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body).toEqual({ detail: "Malformed multipart/form-data body." });
    }
    expect(await databaseState()).toBe(before);
  });

  it("refuses binary content and other media types", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49]);
    const before = await databaseState();
    const binary = await upload<UploadBody>(manager.token, png, {
      type: "application/octet-stream",
    });
    expect(binary.status).toBe(400);
    expect(binary.body.detail).toMatch(/binary/);
    const image = await upload(manager.token, png, { type: "image/png", fileName: "a.png" });
    expect(image.status).toBe(415);
    const json = await api("POST", "/api/tasks/bulk-upload/", {
      token: manager.token,
      body: { title: "x" },
    });
    expect(json.status).toBe(415);
    const form = new FormData();
    form.append("file", new Blob(["title\nPacked\n"], { type: "text/csv" }), "a.csv");
    const compressed = await api<UploadBody>("POST", "/api/tasks/bulk-upload/", {
      token: manager.token,
      rawBody: form,
      headers: { "content-encoding": "gzip" },
    });
    expect(compressed.status).toBe(415);
    expect(compressed.body.detail).toMatch(/^Compressed request bodies/);
    const noFile = new FormData();
    noFile.append("other", "x");
    const missing = await api("POST", "/api/tasks/bulk-upload/", {
      token: manager.token,
      rawBody: noFile,
    });
    expect(missing.status).toBe(400);
    expect(await databaseState()).toBe(before);
  });

  it("imports long rows that, 2,000 at a time, would not fit in one statement", async () => {
    // 18 MB, under the upload limit; MariaDB takes at most 16 MB per statement by default.
    const description = "d".repeat(9_999);
    let csv = `${HEADER}\n`;
    for (let i = 0; i < 1_800; i += 1) csv += `Long ${i},${description},,TODO\n`;
    const res = await upload<UploadBody>(manager.token, csv);
    expect(res.status, res.text.slice(0, 300)).toBe(201);
    expect(res.body.created).toBe(1_800);
  });

  it("answers 413 for a body over the limit, from Content-Length or while streaming", async () => {
    const declared = await api("POST", "/api/tasks/bulk-upload/", {
      token: manager.token,
      rawBody: "x",
      headers: {
        "content-type": "multipart/form-data; boundary=abc",
        "content-length": String(21 * 1024 * 1024),
      },
    });
    expect(declared.status).toBe(413);
    const row = `A task title,${"d".repeat(1000)},,TODO\n`;
    const big = HEADER + "\n" + row.repeat(Math.ceil((20 * 1024 * 1024) / row.length) + 10);
    const before = await databaseState();
    const streamed = await upload<UploadBody>(manager.token, big);
    expect(streamed.status).toBe(413);
    expect(streamed.body.detail).toBe(
      "The file exceeds the upload limit of 20 MB; split it into smaller files.",
    );
    // Yes and no as any client spells them (Python's requests sends True and False).
    for (const query of ["?dry_run=True", "?dry_run=TRUE"]) {
      const spelled = await upload<UploadBody>(manager.token, `${HEADER}\nA,,,TODO\n`, { query });
      expect(spelled.status, query).toBe(200);
      expect(spelled.body).toMatchObject({
        dry_run: true,
        message: "Dry run: 1 task would be uploaded; nothing was written.",
      });
    }
    const refusedFile = await upload<UploadBody>(manager.token, `${HEADER}\n,,,TODO\n`, {
      query: "?dry_run=False",
    });
    expect(refusedFile.body.detail).not.toBe("Invalid query parameters.");
    expect(refusedFile.body.errors).toEqual([expect.objectContaining({ line: 2, field: "title" })]);
    const unclear = await upload(manager.token, `${HEADER}\nA,,,TODO\n`, {
      query: "?dry_run=maybe",
    });
    expect(unclear.status).toBe(400);
    expect(unclear.body).toEqual({
      detail: "Invalid query parameters.",
      errors: [{ field: "dry_run", message: "Must be true or false." }],
    });
    expect(await databaseState()).toBe(before);
  });

  it("refuses an employee with 403 and writes nothing", async () => {
    const before = await databaseState();
    const res = await upload(employee.token, `${HEADER}\nA,B,,TODO\n`);
    expect(res.status).toBe(403);
    // Refused before its query, headers and file are judged.
    const malformed = await upload(employee.token, "\0binary", {
      query: "?dry_run=maybe",
      headers: { "idempotency-key": "a b" },
    });
    expect(malformed.status).toBe(403);
    expect(await databaseState()).toBe(before);
  });

  it("replays a retry with the same Idempotency-Key and refuses the key with another file", async () => {
    const csv = `${HEADER}\nIdem one,,,TODO\nIdem two,,,DONE\n`;
    const headers = { "Idempotency-Key": `upload-${Date.now()}` };
    const first = await upload<UploadBody>(manager.token, csv, { headers });
    expect(first.status).toBe(201);
    const afterFirst = await taskCount();
    const retry = await upload<UploadBody>(manager.token, csv, { headers });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await taskCount()).toBe(afterFirst);
    const other = await upload<UploadBody>(manager.token, `${HEADER}\nOther,,,TODO\n`, { headers });
    expect(other.status).toBe(409);
    expect(await taskCount()).toBe(afterFirst);
    // The import page's summary names the tasks of the replayed import, not the newest ones.
    await makeTask({ createdBy: manager.id, title: "Made after the import" });
    const summary = await tasksOfOwnImport(actorOf(manager), retry.body.import_id!);
    expect(summary.map((t) => t.title)).toEqual(["Idem one", "Idem two"]);
    const stranger = await makeUser("MANAGER");
    expect(await tasksOfOwnImport(actorOf(stranger), retry.body.import_id!)).toEqual([]);
  });

  it("checks the assignee of a row that has other problems too", async () => {
    const nobody = `nobody-${Date.now()}@example.com`;
    const res = await upload<UploadBody>(manager.token, `${HEADER}\nA,,${nobody},FINISHED\n`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "status"],
      [2, "assigned_to"],
    ]);
  });

  it("runs more imports at once than the pool has connections, each naming new assignees per batch", async () => {
    const assignees = [await makeUser("EMPLOYEE"), await makeUser("EMPLOYEE")];
    // The second batch of each file names an assignee its first did not: a lookup mid-transaction.
    const csv = [
      HEADER,
      ...Array.from({ length: INSERT_BATCH_ROWS * 2 }, (_, i) => {
        const who = assignees[i < INSERT_BATCH_ROWS ? 0 : 1]!;
        return `Pool ${i},,${who.id},TODO`;
      }),
    ].join("\n");
    const imports = Promise.all(
      Array.from({ length: 12 }, () => upload<UploadBody>(manager.token, csv)),
    );
    const stalled = new Promise<"stalled">((resolve) =>
      setTimeout(() => resolve("stalled"), 25_000).unref(),
    );
    const outcome = await Promise.race([imports, stalled]);
    expect(outcome).not.toBe("stalled");
    expect((await imports).map((r) => [r.status, r.body.created])).toEqual(
      Array(12).fill([201, INSERT_BATCH_ROWS * 2]),
    );
  }, 60_000);

  it("writes at most three imports at once per process; the others wait their turn", async () => {
    const blocker = await pool().getConnection();
    const blocked = async () => {
      const [[row]] = await pool().query<RowDataPacket[]>(
        `SELECT COUNT(*) AS n FROM information_schema.processlist
         WHERE db = DATABASE() AND info LIKE 'insert into \`task_imports\`%'
           AND state LIKE '%lock%'`,
      );
      return Number(row!.n);
    };
    try {
      // Every import's first write (its task_imports row) now waits for this lock.
      await blocker.query("LOCK TABLES task_imports WRITE");
      const imports = Promise.all(
        Array.from({ length: 6 }, (_, n) =>
          upload<UploadBody>(manager.token, `${HEADER}\nWait ${n},,,TODO\n`),
        ),
      );
      for (let waited = 0; (await blocked()) < 3 && waited < 10_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await blocked()).toBe(3);
      await blocker.query("UNLOCK TABLES");
      expect((await imports).map((r) => r.status)).toEqual(Array(6).fill(201));
    } finally {
      await blocker.query("UNLOCK TABLES");
      blocker.release();
    }
  }, 60_000);

  it("lets other work run while it checks a file that is already whole in memory", async () => {
    const bytes = Buffer.from(`${HEADER}\n${"Row,,,TODO\n".repeat(300_000)}`);
    async function* whole() {
      yield bytes;
    }
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const result = await importTasksCsv(
      actorOf(manager),
      async () => ({ fileName: "whole.csv", bytes: whole() }),
      { dryRun: true, idempotencyKey: null },
    );
    clearInterval(timer);
    expect(result.body).toMatchObject({ rows: 300_000, dry_run: true });
    // One turn of the event loop at least per chunk of text (256 KB; this file is 3.3 MB).
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it("keeps control, line-separator and direction characters out of the recorded file name", async () => {
    // Shown in the activity trail, U+202E would make the name read "reportexe.csv".
    const result = await importTasksCsv(
      actorOf(manager),
      async () => ({
        fileName: "C:\\exports\\\u{1F469}\u200D\u{1F4BB} re\u2028port\u200B\u202Evsc.exe\u001b[31m",
        bytes: Readable.from([
          Buffer.from("title,description,assigned_to,status\nNamed safely,,,\n"),
        ]),
      }),
      { dryRun: false, idempotencyKey: null },
    );
    expect(result.status).toBe(201);
    const importId = (result.body as { import_id: number }).import_id;
    const [[record]] = await pool().query<RowDataPacket[]>(
      "SELECT file_name FROM task_imports WHERE id = ?",
      [importId],
    );
    // The joiner of the emoji sequence stays.
    expect(record!.file_name).toBe("\u{1F469}\u200D\u{1F4BB} reportvsc.exe[31m");
  });

  it("undoes the batches already inserted when a bad row comes late in a large file", async () => {
    const before = await databaseState();
    // Three batches' worth of good rows and well over one decoded chunk (256K characters), so
    // that earlier batches are in the transaction when the bad row is read.
    const good = Array.from(
      { length: INSERT_BATCH_ROWS * 3 },
      (_, i) => `Late ${i},${"description ".repeat(8)},,TODO`,
    );
    const csv = [HEADER, ...good, "Late bad,,,FINISHED"].join("\n");
    expect(csv.length).toBeGreaterThan(512 * 1024);
    const res = await upload<UploadBody>(manager.token, csv);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        line: good.length + 2,
        column: "status",
        field: "status",
        value: "FINISHED",
        message: "Status must be one of TODO, IN_PROGRESS, DONE.",
      },
    ]);
    expect(await databaseState()).toBe(before);
  });

  it("leaves nothing behind when its connection is killed mid-import", async () => {
    const rows = 40_000;
    let csv = `${HEADER}\n`;
    for (let i = 0; i < rows; i++) csv += `Fault ${i},row ${i},${employee.id},TODO\n`;
    const before = await databaseState();
    // The service itself (the route would answer this 500 as JSON like any other failure).
    const actor = actorOf(manager);
    const bytes = Buffer.from(csv);
    const source = async function* () {
      for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
    };
    const pending = importTasksCsv(
      actor,
      async () => ({ fileName: "fault.csv", bytes: source() }),
      { dryRun: false, idempotencyKey: null },
    ).then(
      () => null,
      (error: unknown) => error,
    );
    // Wait until the import's transaction has written rows, then kill its connection.
    let killed = false;
    for (let attempt = 0; attempt < 2000 && !killed; attempt++) {
      // The import's connection (this test database only: other suites may share the server)
      // once it is inserting inside its transaction.
      const [trx] = await pool().query<RowDataPacket[]>(
        `SELECT p.id FROM information_schema.processlist p
         LEFT JOIN information_schema.innodb_trx t ON t.trx_mysql_thread_id = p.id
         WHERE p.db = DATABASE() AND p.id <> CONNECTION_ID()
           AND (t.trx_rows_modified > 0 OR p.info LIKE 'INSERT INTO tasks %')`,
      );
      if (trx[0]) {
        await pool().query(`KILL CONNECTION ${Number(trx[0].id)}`);
        killed = true;
      } else await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(killed).toBe(true);
    const failure = await pending;
    expect(failure).toBeInstanceOf(Error);
    expect(String(failure)).toMatch(/connection|closed|killed/i);
    expect(await databaseState()).toBe(before);
  });

  it("receives the whole file before its transaction begins: a stalled sender holds no lock", async () => {
    // About 1 MB: several of the decoder's 256 KB text chunks reach the parser before the stall.
    const rows = INSERT_BATCH_ROWS * 4;
    const filler = "x".repeat(100);
    let csv = `${HEADER}\n`;
    for (let i = 0; i < rows; i++) csv += `Slow ${i},row ${i} ${filler},${employee.id},TODO\n`;
    const bytes = Buffer.from(csv);
    let stalled!: () => void;
    const atStall = new Promise<void>((resolve) => (stalled = resolve));
    let resume!: () => void;
    const gate = new Promise<void>((resolve) => (resume = resolve));
    // Every row but the last few bytes, then the sender goes quiet until the test lets it go on.
    const source = async function* () {
      const end = bytes.length - 10;
      for (let at = 0; at < end; at += 64 * 1024)
        yield bytes.subarray(at, Math.min(at + 64 * 1024, end));
      stalled();
      await gate;
      yield bytes.subarray(bytes.length - 10);
    };
    const pending = importTasksCsv(
      actorOf(manager),
      async () => ({ fileName: "slow.csv", bytes: source() }),
      { dryRun: false, idempotencyKey: null },
    );
    try {
      await atStall;
      // Time enough for an import that wrote while reading to have inserted its first batches.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const [open] = await pool().query<RowDataPacket[]>(
        `SELECT t.trx_rows_modified FROM information_schema.innodb_trx t
         JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id
         WHERE p.db = DATABASE() AND p.id <> CONNECTION_ID()`,
      );
      expect(open).toEqual([]);
    } finally {
      resume();
    }
    const result = await pending;
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ created: rows });
  });

  it("runs again from the kept file when InnoDB undoes it to break a deadlock", async () => {
    const importer = await makeUser("MANAGER");
    await makeTask({ createdBy: importer.id });
    const csv = `${HEADER}\nRetried one,,${employee.id},TODO\nRetried two,,${employee.id},DONE\n`;
    const before = await taskCount();
    const other = await pool().getConnection();
    try {
      await other.beginTransaction();
      // 50 rows written make this transaction the heavier one, so InnoDB rolls the import back.
      const rows = Array.from({ length: 50 }, () => ["TASK_UPDATED", importer.id, null]);
      await other.query("INSERT INTO activity (kind, actor_id, task_id) VALUES ?", [rows]);
      await other.query(
        "SELECT n FROM task_counts WHERE scope = 'creator' AND user_id = ? FOR UPDATE",
        [importer.id],
      );
      const settled = importTasksCsv(
        actorOf(importer),
        async () => ({ fileName: "retried.csv", bytes: Readable.from([Buffer.from(csv)]) }),
        { dryRun: false, idempotencyKey: null },
      ).then(
        (result) => ({ result, error: null }),
        (error: unknown) => ({ result: null, error }),
      );
      // At commit the import holds the "all" counters and waits for the importer's; asking for
      // the "all" counters here closes the cycle.
      await someTransactionWaitsForALock();
      await other.query("SELECT n FROM task_counts WHERE scope = 'all' FOR UPDATE");
      await other.commit();

      const { result, error } = await settled;
      expect(error).toBeNull();
      expect(result).toMatchObject({ status: 201, body: { created: 2 } });
    } finally {
      other.release();
    }
    expect(await taskCount()).toBe(before + 2);
    await expectCountersMatchTasks();
  });
});

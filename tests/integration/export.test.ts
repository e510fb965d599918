import Papa from "papaparse";
import type { RowDataPacket } from "mysql2";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { pool } from "@/db/client";
import { api } from "../helpers/api";
import { makeTask, makeUser, type TestUser } from "../helpers/factories";
import { logger } from "@/lib/logger";
import { exportTasksCsv } from "@/lib/services/task-export";
import { parseTaskListQuery } from "@/lib/validation/task-query";
import { upload } from "./bulk-helpers";

let manager: TestUser;
let employee: TestUser;
let other: TestUser;

const COLUMNS = ["title", "description", "assigned_to", "status", "due_date", "priority"];

function exportCsv(token: string, query = "") {
  return api<string>("GET", `/api/tasks/export/${query}`, { token });
}

/** Response.text() already drops the BOM, as the importer does. */
function parse(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function taskFields(where: string, params: unknown[]) {
  const [rows] = await pool().query<RowDataPacket[]>(
    `SELECT title, description, assigned_to, status, due_date, priority FROM tasks WHERE ${where} ORDER BY id`,
    params,
  );
  return rows.map((r) => ({ ...r }));
}

beforeAll(async () => {
  manager = await makeUser("MANAGER");
  employee = await makeUser("EMPLOYEE");
  other = await makeUser("MANAGER");
});

describe("GET /api/tasks/export/", () => {
  it("round-trips 1,000 tasks: export → import gives the same tasks again", async () => {
    const statuses = ["TODO", "IN_PROGRESS", "DONE"];
    const priorities = ["LOW", "MEDIUM", "HIGH", "URGENT"];
    let csv = "title,description,assigned_to,status,due_date,priority\n";
    for (let i = 0; i < 1000; i++) {
      const description = i % 7 === 0 ? `"Line one, ""quoted""\nline two ${i}"` : `Plain ${i}`;
      const assignee = i % 3 === 0 ? "" : i % 3 === 1 ? String(employee.id) : employee.email;
      const due = i % 4 === 0 ? "" : `2027-0${(i % 9) + 1}-1${i % 10}`;
      csv += `Round trip ${i},${description},${assignee},${statuses[i % 3]},${due},${priorities[i % 4]}\n`;
    }
    const first = await upload<{ import_id: number; created: number }>(manager.token, csv);
    expect(first.status, first.text).toBe(201);
    expect(first.body.created).toBe(1000);

    const exported = await exportCsv(manager.token);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(exported.headers.get("content-disposition")).toMatch(/^attachment; filename="tasks-/);
    const rows = parse(exported.text);
    expect(rows[0]).toEqual(COLUMNS);
    const raw = exportTasksCsv({ ...manager }, parseTaskListQuery(new URLSearchParams()));
    const { value: head } = await raw.getReader().read();
    expect(Buffer.from(head!).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(rows).toHaveLength(1001);

    const second = await upload<{ import_id: number; created: number }>(
      manager.token,
      exported.text,
    );
    expect(second.status, second.text).toBe(201);
    expect(second.body.created).toBe(1000);
    const original = await taskFields("import_id = ?", [first.body.import_id]);
    const copy = await taskFields("import_id = ?", [second.body.import_id]);
    expect(copy).toEqual(original);
  });

  it("neutralises cells that a spreadsheet would run as formulas, and imports them back intact", async () => {
    const risky = ["=SUM(A1:A9)", "+1+1", "-2", "@cmd", "\tTabbed", "\rReturn", "'=already"];
    for (const title of risky) {
      await makeTask({ createdBy: other.id, title, description: title });
    }
    const exported = await exportCsv(other.token);
    const rows = parse(exported.text).slice(1);
    expect(rows.map((r) => r[0])).toEqual(risky.map((t) => `'${t}`));
    expect(rows.map((r) => r[1])).toEqual(risky.map((t) => `'${t}`));

    const reimported = await upload<{ import_id: number }>(other.token, exported.text);
    expect(reimported.status, reimported.text).toBe(201);
    const titles = await taskFields("import_id = ?", [reimported.body.import_id]);
    expect(titles.map((t) => t.title)).toEqual(risky.map((t) => t.trim()));
    expect(titles.map((t) => t.description)).toEqual(risky);
  });

  it("applies the list's filters and an employee's visibility", async () => {
    const mine = await makeTask({
      createdBy: other.id,
      assignedTo: employee.id,
      title: "Mine DONE",
      status: "DONE",
    });
    await makeTask({ createdBy: other.id, title: "Not assigned to the employee", status: "DONE" });
    const done = parse((await exportCsv(other.token, "?status=DONE")).text).slice(1);
    expect(done.map((r) => r[0]).sort()).toEqual(["Mine DONE", "Not assigned to the employee"]);
    // A list's address as it is, paging and ordering included: they are set aside, whatever they hold.
    const fromList = await exportCsv(other.token, "?status=DONE&page=0&page_size=x&ordering=nope");
    expect(fromList.status).toBe(200);
    expect(parse(fromList.text).slice(1)).toEqual(done);

    const employeeRows = parse((await exportCsv(employee.token, "?status=DONE")).text).slice(1);
    const [visible] = await pool().query<RowDataPacket[]>(
      "SELECT title FROM tasks WHERE assigned_to = ? AND status = 'DONE' ORDER BY created_at, id",
      [employee.id],
    );
    expect(employeeRows.map((r) => r[0])).toEqual(visible.map((r) => r.title));
    expect(employeeRows.map((r) => r[0])).toContain("Mine DONE");
    expect(employeeRows.every((r) => r[2] === employee.email)).toBe(true);
    expect(mine).toBeGreaterThan(0);
  });

  it("keeps a deactivated assignee's email, which an import then refuses", async () => {
    const leaver = await makeUser("EMPLOYEE");
    const owner = await makeUser("MANAGER");
    await makeTask({ createdBy: owner.id, assignedTo: leaver.id, title: "Left behind" });
    await pool().query("UPDATE users SET is_active = 0 WHERE id = ?", [leaver.id]);
    const exported = await exportCsv(owner.token);
    const rows = parse(exported.text).slice(1);
    expect(rows.map((r) => [r[0], r[2]])).toEqual([["Left behind", leaver.email]]);
    const check = await upload<{ errors: { line: number; column: string; message: string }[] }>(
      owner.token,
      exported.text,
      { query: "?dry_run=1" },
    );
    expect(check.status).toBe(400);
    expect(check.body.errors).toEqual([
      expect.objectContaining({
        line: 2,
        column: "assigned_to",
        message: `User ${leaver.email} is not an active employee or manager.`,
      }),
    ]);
  });

  it("treats a client that goes away mid-download as no error", async () => {
    const errors = vi.spyOn(logger(), "error");
    // Holds the first page's query until the client has gone. Taken before the download starts:
    // once the header is read, the stream asks for the first page at once.
    const blocker = await pool().getConnection();
    try {
      await blocker.query("LOCK TABLES tasks WRITE");
      const reader = exportTasksCsv(
        { ...manager },
        parseTaskListQuery(new URLSearchParams()),
      ).getReader();
      await reader.read();
      const next = reader.read();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await reader.cancel();
      expect(await next).toEqual({ done: true, value: undefined });
      await blocker.query("UNLOCK TABLES");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(errors).not.toHaveBeenCalled();
    } finally {
      await blocker.query("UNLOCK TABLES");
      blocker.release();
      errors.mockRestore();
    }
  });

  it("answers 400 for an invalid filter and 401 without a token", async () => {
    expect((await exportCsv(manager.token, "?status=NOPE")).status).toBe(400);
    expect((await api("GET", "/api/tasks/export/")).status).toBe(401);
  });
});

import type { RowDataPacket } from "mysql2";
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/db/client";
import { api } from "../helpers/api";
import { makeUser, type TestUser } from "../helpers/factories";
import { databaseState, taskCount } from "./bulk-helpers";

type CreateBody = {
  created: number;
  ids: number[];
  message: string;
  detail: string;
  errors: { index: number; field: string; message: string }[];
  total_errors: number;
};

let manager: TestUser;
let employee: TestUser;
let inactive: TestUser;

beforeAll(async () => {
  manager = await makeUser("MANAGER");
  employee = await makeUser("EMPLOYEE");
  inactive = await makeUser("EMPLOYEE", { isActive: false });
});

function bulkCreate(token: string, tasks: unknown[], headers?: Record<string, string>) {
  return api<CreateBody>("POST", "/api/tasks/bulk-create/", { token, body: { tasks }, headers });
}

describe("POST /api/tasks/bulk-create/", () => {
  it("creates long items that, 2,000 at a time, would not fit in one statement", async () => {
    // 17 MB of JSON, under the body limit; MariaDB takes at most 16 MB per statement by default.
    const description = "d".repeat(9_999);
    const tasks = Array.from({ length: 1_700 }, (_, i) => ({ title: `Long ${i}`, description }));
    const res = await bulkCreate(manager.token, tasks);
    expect(res.status, res.text.slice(0, 300)).toBe(201);
    expect(res.body.created).toBe(1_700);
    const [rows] = await pool().query<RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM tasks WHERE id IN (?) AND CHAR_LENGTH(description) = 9999",
      [res.body.ids],
    );
    expect(rows[0]).toMatchObject({ n: 1_700 });
    const [events] = await pool().query<RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM activity WHERE kind = 'TASK_CREATED' AND task_id IN (?)",
      [res.body.ids],
    );
    expect(events[0]!.n).toBe(1_700);
  });

  it("takes tasks sent as GET returned them, ignoring their read-only fields", async () => {
    const first = await api<Record<string, unknown>>("POST", "/api/tasks/", {
      token: manager.token,
      body: { title: "Template", assigned_to: employee.id, priority: "HIGH" },
    });
    const res = await bulkCreate(manager.token, [
      { ...first.body, title: "Copy 1" },
      { ...first.body, title: "Copy 2" },
    ]);
    expect(res.status, res.text).toBe(201);
    expect(res.body.ids).toHaveLength(2);
    expect(res.body.ids).not.toContain(first.body.id);
    const [rows] = await pool().query<RowDataPacket[]>(
      "SELECT title, assigned_to, priority, version FROM tasks WHERE id IN (?) ORDER BY id",
      [res.body.ids],
    );
    expect(rows).toEqual([
      { title: "Copy 1", assigned_to: employee.id, priority: "HIGH", version: 1 },
      { title: "Copy 2", assigned_to: employee.id, priority: "HIGH", version: 1 },
    ]);
  });

  it("creates every task in one go, returns their ids and logs TASK_CREATED for each", async () => {
    const tasks = Array.from({ length: 2500 }, (_, i) => ({
      title: `Bulk ${i}`,
      description: `Item ${i}`,
      assigned_to: i % 2 ? employee.id : null,
      status: i % 3 ? "TODO" : "DONE",
      priority: "HIGH",
      due_date: "2026-12-24",
    }));
    const res = await bulkCreate(manager.token, tasks);
    expect(res.status, res.text).toBe(201);
    expect(res.body.created).toBe(2500);
    expect(res.body.message).toBe("2500 tasks created successfully");
    expect(new Set(res.body.ids).size).toBe(2500);
    const [rows] = await pool().query<RowDataPacket[]>(
      "SELECT id, title, assigned_to, status, created_by FROM tasks WHERE id IN (?) ORDER BY id",
      [res.body.ids],
    );
    expect(rows.map((r) => r.id)).toEqual(res.body.ids);
    rows.forEach((row, i) => {
      expect(row).toMatchObject({
        title: `Bulk ${i}`,
        assigned_to: i % 2 ? employee.id : null,
        status: i % 3 ? "TODO" : "DONE",
        created_by: manager.id,
      });
    });
    const [events] = await pool().query<RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM activity WHERE kind = 'TASK_CREATED' AND actor_id = ? AND task_id IN (?)",
      [manager.id, res.body.ids],
    );
    expect(Number(events[0]!.n)).toBe(2500);
  });

  it("writes nothing when one item is invalid, and names it by index and field", async () => {
    const before = await databaseState();
    const tasks = [
      { title: "Fine" },
      { title: "Fine too", status: "FINISHED" },
      { title: "Also fine" },
      { title: "Inactive", assigned_to: inactive.id },
    ];
    const res = await bulkCreate(manager.token, tasks);
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe("2 of 4 tasks are invalid; nothing was created.");
    expect(res.body.errors.map((e) => [e.index, e.field])).toEqual([
      [1, "status"],
      [3, "assigned_to"],
    ]);
    expect(res.body.errors[1]!.message).toBe(
      `User ${inactive.id} is not an active employee or manager.`,
    );
    expect(await databaseState()).toBe(before);
  });

  it("counts one task in the singular, created or refused", async () => {
    const one = await bulkCreate(manager.token, [{ title: "Only one" }]);
    expect(one.status).toBe(201);
    expect(one.body.message).toBe("1 task created successfully");
    const refused = await bulkCreate(manager.token, [{ title: "" }]);
    expect(refused.body.detail).toBe("1 of 1 task is invalid; nothing was created.");
    const oneOfTwo = await bulkCreate(manager.token, [{ title: "" }, { title: "Fine" }]);
    expect(oneOfTwo.body.detail).toBe("1 of 2 tasks is invalid; nothing was created.");
  });

  it("lists at most 1,000 errors and gives the total", async () => {
    const tasks = Array.from({ length: 1500 }, () => ({ title: "" }));
    const res = await bulkCreate(manager.token, tasks);
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1000);
    expect(res.body.total_errors).toBe(1500);
  });

  it("lists the first items' errors whatever their kind: an early bad assignee beats later bad titles", async () => {
    const tasks = Array.from({ length: 2000 }, (_, index) =>
      index < 10 ? { title: `Early ${index}`, assigned_to: inactive.id } : { title: "" },
    );
    const res = await bulkCreate(manager.token, tasks);
    expect(res.status).toBe(400);
    expect(res.body.total_errors).toBe(2000);
    expect(res.body.errors).toHaveLength(1000);
    expect(res.body.errors.map((e) => e.index)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(res.body.errors.slice(0, 10).every((e) => e.field === "assigned_to")).toBe(true);
  });

  it("answers 413 above BULK_MAX_ITEMS and 400 for a body without a task list", async () => {
    const before = await databaseState();
    const tooMany = Array.from({ length: 5001 }, (_, i) => ({ title: `T${i}` }));
    const refused = await bulkCreate(manager.token, tooMany);
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({
      detail: "Too many tasks: 5001; at most 5000 per request.",
    });
    // Counted before parsing: a list cut short is refused for its size, not parsed first.
    const cutShort = await api("POST", "/api/tasks/bulk-create/", {
      token: manager.token,
      rawBody: `{"tasks": [${"{},".repeat(5001)}`,
      headers: { "content-type": "application/json" },
    });
    expect(cutShort.status).toBe(413);
    const wrong = await api("POST", "/api/tasks/bulk-create/", {
      token: manager.token,
      body: [{ title: "x" }],
    });
    expect(wrong.status).toBe(400);
    // An empty list names its field, as a list that is not one does.
    const empty = await bulkCreate(manager.token, []);
    expect({ status: empty.status, body: empty.body }).toEqual({
      status: 400,
      body: {
        detail: "The list of tasks is empty.",
        errors: [{ field: "tasks", message: "The list of tasks is empty." }],
      },
    });
    expect(await databaseState()).toBe(before);
  });

  it("counts only the task list against the limit; any other field is refused, as in every body", async () => {
    const before = await databaseState();
    const res = await api<{ errors: unknown[] }>("POST", "/api/tasks/bulk-create/", {
      token: manager.token,
      rawBody: JSON.stringify({ tasks: [{ title: "One" }], client_meta: Array(5001).fill(0) }),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: "client_meta", message: "Unknown field." }]);
    expect(await databaseState()).toBe(before);
  });

  it("refuses employees with 403", async () => {
    const before = await databaseState();
    expect((await bulkCreate(employee.token, [{ title: "Mine" }])).status).toBe(403);
    const badKey = await bulkCreate(employee.token, [{}], { "idempotency-key": "a b" });
    expect(badKey.status).toBe(403);
    expect(await databaseState()).toBe(before);
  });

  it("replays a retry with the same Idempotency-Key and refuses the key with another body", async () => {
    const headers = { "Idempotency-Key": `create-${Date.now()}` };
    const first = await bulkCreate(
      manager.token,
      [{ title: "Once" }, { title: "Twice?" }],
      headers,
    );
    expect(first.status).toBe(201);
    const count = await taskCount();
    const retry = await bulkCreate(
      manager.token,
      [{ title: "Once" }, { title: "Twice?" }],
      headers,
    );
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    const other = await bulkCreate(manager.token, [{ title: "Different" }], headers);
    expect(other.status).toBe(409);
    expect(await taskCount()).toBe(count);
  });

  it("runs a request again once its key has expired", async () => {
    const key = `expiring-${Date.now()}`;
    const headers = { "Idempotency-Key": key };
    const first = await bulkCreate(manager.token, [{ title: "Expiring" }], headers);
    expect(first.status).toBe(201);
    await pool().query(
      "UPDATE idempotency_keys SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE idempotency_key = ?",
      [key],
    );
    const again = await bulkCreate(manager.token, [{ title: "Expiring" }], headers);
    expect(again.status).toBe(201);
    expect(again.body.ids).not.toEqual(first.body.ids);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
  });

  it("writes once when two requests with the same key race", async () => {
    const headers = { "Idempotency-Key": `race-${Date.now()}` };
    const tasks = Array.from({ length: 3000 }, (_, i) => ({ title: `Race ${i}` }));
    const count = await taskCount();
    const [a, b] = await Promise.all([
      bulkCreate(manager.token, tasks, headers),
      bulkCreate(manager.token, tasks, headers),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.ids).toEqual(b.body.ids);
    expect(await taskCount()).toBe(count + 3000);
  });

  it("treats keys that differ only in case as different keys", async () => {
    const key = `Case-Key-${Date.now()}`;
    const first = await bulkCreate(manager.token, [{ title: "Upper" }], { "Idempotency-Key": key });
    expect(first.status).toBe(201);
    const lower = key.toLowerCase();
    const other = await bulkCreate(manager.token, [{ title: "Lower" }], {
      "Idempotency-Key": lower,
    });
    expect(other.status).toBe(201);
    expect(other.headers.get("idempotent-replayed")).toBeNull();
    const same = await bulkCreate(manager.token, [{ title: "Upper" }], {
      "Idempotency-Key": lower,
    });
    expect(same.status).toBe(409);
  });

  it("refuses a malformed Idempotency-Key", async () => {
    const res = await bulkCreate(manager.token, [{ title: "x" }], { "Idempotency-Key": "a b" });
    expect(res.status).toBe(400);
  });
});

import type { PoolConnection, RowDataPacket } from "mysql2/promise";
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/db/client";
import { BulkTransaction, INSERT_BATCH_ROWS } from "@/lib/services/bulk-transaction";
import { api } from "../helpers/api";
import { makeUser, type TestUser } from "../helpers/factories";
import { expectCountersMatchTasks } from "../helpers/task-counts";
import { upload } from "./bulk-helpers";

// Bulk inserts switch the per-row count trigger off on their connection and add summed counts
// themselves (lib/services/bulk-transaction.ts): the counts must come out exactly as the trigger's.

let manager: TestUser;
let employee: TestUser;

beforeAll(async () => {
  manager = await makeUser("MANAGER");
  employee = await makeUser("EMPLOYEE");
});

const listCount = async (user: TestUser) =>
  (await api<{ count: number }>("GET", "/api/tasks/?page_size=1", { token: user.token })).body
    .count;

describe("task counts after bulk writes", () => {
  it("are exact after a bulk-create spanning several insert batches", async () => {
    const before = [await listCount(manager), await listCount(employee)];
    const items = Array.from({ length: INSERT_BATCH_ROWS + 500 }, (_, i) => ({
      title: `Counted ${i}`,
      // Unassigned, the employee's, and the manager's own (counted once in the manager's list).
      assigned_to: [null, employee.id, manager.id][i % 3],
    }));
    const res = await api("POST", "/api/tasks/bulk-create/", {
      token: manager.token,
      body: { tasks: items },
    });
    expect(res.status, res.text).toBe(201);
    expect(await listCount(manager)).toBe(before[0]! + items.length);
    expect(await listCount(employee)).toBe(before[1]! + Math.ceil((items.length - 1) / 3));
    await expectCountersMatchTasks();
  });

  it("are exact after a CSV upload, and untouched by one that fails", async () => {
    const before = await listCount(manager);
    const rows = ["title,description,assigned_to,status"];
    for (let i = 0; i < 30; i++) {
      rows.push(`Uploaded ${i},,${i % 2 ? employee.email : manager.email},TODO`);
    }
    expect((await upload(manager.token, rows.join("\n"))).status).toBe(201);
    expect(await listCount(manager)).toBe(before + 30);

    const bad = [...rows, "Bad row,,nobody@example.com,TODO"].join("\n");
    expect((await upload(manager.token, bad)).status).toBe(400);
    expect(await listCount(manager)).toBe(before + 30);
    await expectCountersMatchTasks();
  });

  it("hand every pooled connection back with the trigger counting again", async () => {
    const connections: PoolConnection[] = [];
    try {
      // Every connection of the pool, the bulk writes' own among them.
      for (let i = 0; i < 10; i++) connections.push(await pool().getConnection());
      for (const connection of connections) {
        const [[row]] = await connection.query<RowDataPacket[]>("SELECT @etums_bulk_counts AS v");
        expect(row!.v).toBeNull();
      }
    } finally {
      connections.forEach((c) => c.release());
    }
    const single = await api("POST", "/api/tasks/", {
      token: manager.token,
      body: { title: "Counted by the trigger", assigned_to: employee.id },
    });
    expect(single.status).toBe(201);
    await expectCountersMatchTasks();
  });

  it("hold no counter and no task_changes slot while an import is open: they are added at commit", async () => {
    const bulk = new BulkTransaction();
    const other = await pool().getConnection();
    const lockable = async (sql: string, keys: unknown[][]) => {
      const held: unknown[][] = [];
      for (const key of keys) await other.query(sql, key).catch(() => held.push(key));
      return held;
    };
    try {
      const before = await listCount(manager);
      // Eight consecutive ids: every slot of the "all" counter, and the creator's and assignee's.
      const row = (i: number) =>
        [`Held open ${i}`, "", "TODO", "MEDIUM", null, employee.id, manager.id, null] as const;
      await bulk.insertTasks(Array.from({ length: 8 }, (_, i) => [...row(i)]));
      // One point lookup per row, so that InnoDB locks exactly that row and not the next key.
      const slots = Array.from({ length: 65 }, (_, slot) => [slot]);
      expect(
        await lockable("SELECT slot FROM task_changes WHERE slot = ? FOR UPDATE NOWAIT", slots),
      ).toEqual([]);
      const counters = [
        ...Array.from({ length: 8 }, (_, slot) => ["all", slot]),
        ["creator", manager.id],
        ["assignee", employee.id],
      ];
      const counterSql =
        "SELECT n FROM task_counts WHERE scope = ? AND user_id = ? FOR UPDATE NOWAIT";
      expect(await lockable(counterSql, counters)).toEqual([]);

      await bulk.commit();
      expect(await listCount(manager)).toBe(before + 8);
      await expectCountersMatchTasks();
    } finally {
      other.release();
      await bulk.rollback();
    }
  });
});

import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, pool } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { ACCOUNT_CHANGED } from "@/lib/services/acting-user";
import { applyBulkTaskAction } from "@/lib/services/task-bulk-actions";
import type { ActivityDto } from "@/lib/services/tasks";
import type { TaskDto } from "@/lib/validation/tasks";
import { api } from "../helpers/api";
import { actorOf, makeTask, makeUser, type TestUser } from "../helpers/factories";
import { someTransactionWaitsForALock } from "../helpers/lock-waits";
import { upload } from "./bulk-helpers";

type Detail = { detail: string; errors?: { field: string; message: string }[] };

const STATUSES = ["TODO", "IN_PROGRESS", "DONE"] as const;

describe("concurrent writes to one task", () => {
  it("lands all 50 parallel status changes: 50 activity rows, version advanced by exactly 50", async () => {
    const manager = await makeUser("MANAGER");
    const employee = await makeUser("EMPLOYEE");
    const id = await makeTask({ createdBy: manager.id, assignedTo: employee.id });

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api<TaskDto>("PATCH", `/api/tasks/${id}/`, {
          token: employee.token,
          body: { status: STATUSES[(i + 1) % 3] },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    // Each write saw its own version: no two responses share one.
    expect(new Set(responses.map((r) => r.body.version)).size).toBe(50);

    const task = await api<TaskDto>("GET", `/api/tasks/${id}/`, { token: employee.token });
    expect(task.body.version).toBe(51);

    const log = await api<ActivityDto[]>("GET", `/api/tasks/${id}/activity/`, {
      token: manager.token,
    });
    expect(log.body).toHaveLength(50);
    expect(log.body.every((row) => row.actor?.id === employee.id)).toBe(true);
    // Replaying the status changes in order reproduces the final status: none was lost.
    let status: string = "TODO";
    for (const row of log.body) {
      if (row.kind === "TASK_STATUS_CHANGED") {
        expect(row.from_value).toBe(status);
        status = row.to_value!;
      } else {
        expect(row).toMatchObject({ kind: "TASK_UPDATED", field: null });
      }
    }
    expect(status).toBe(task.body.status);
  });

  it("lets exactly one of several writers holding the same If-Match win", async () => {
    const manager = await makeUser("MANAGER");
    const id = await makeTask({ createdBy: manager.id });
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api("PATCH", `/api/tasks/${id}/`, {
          token: manager.token,
          body: { title: `writer ${i}` },
          headers: { "if-match": '"1"' },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412, 412, 412, 412, 412, 412, 412]);
    const task = await api<TaskDto>("GET", `/api/tasks/${id}/`, { token: manager.token });
    expect(task.body.version).toBe(2);
  });

  it("swaps assignees of 20 tasks in parallel without a deadlock, counts exact", async () => {
    const manager = await makeUser("MANAGER");
    const [a, b] = [await makeUser("EMPLOYEE"), await makeUser("EMPLOYEE")];
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      ids.push(
        await makeTask({
          createdBy: manager.id,
          assignedTo: i % 2 ? a.id : i % 4 ? b.id : manager.id,
        }),
      );
    }
    const before = await deadlocks();
    const responses = await Promise.all(
      ids.map((id, i) =>
        api("PATCH", `/api/tasks/${id}/`, {
          token: manager.token,
          body: { assigned_to: i % 2 ? (i % 4 === 1 ? b.id : manager.id) : a.id },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect([before, ""]).toContain(await deadlocks());
    await expectCountsExact([a, b, manager]);
  });
});

describe("concurrent bulk actions", () => {
  it("moves tasks A→B and B→A, and deletes, at the same time without a deadlock", async () => {
    const manager = await makeUser("MANAGER");
    const [a, b] = [await makeUser("EMPLOYEE"), await makeUser("EMPLOYEE")];
    const actor: Actor = {
      id: manager.id,
      email: manager.email,
      fullName: manager.fullName,
      role: "MANAGER",
    };
    const make = async (assignee: TestUser, n: number) => {
      const made: number[] = [];
      for (let i = 0; i < n; i++)
        made.push(await makeTask({ createdBy: manager.id, assignedTo: assignee.id }));
      return made;
    };
    const before = await deadlocks();
    for (let round = 0; round < 5; round++) {
      const [ofA, ofB, gone] = [
        await make(a, 6),
        await make(b, 6),
        [...(await make(a, 2)), ...(await make(b, 2))],
      ];
      await Promise.all([
        applyBulkTaskAction(actor, { action: "reassign", ids: ofA, assigned_to: b.id }),
        applyBulkTaskAction(actor, { action: "reassign", ids: ofB, assigned_to: a.id }),
        applyBulkTaskAction(actor, { action: "delete", ids: gone }),
      ]);
    }
    expect([before, ""]).toContain(await deadlocks());
    await expectCountsExact([a, b, manager]);
  });
});

/**
 * InnoDB's latest detected deadlock if it involved this database's tables ("" when the latest was
 * elsewhere or none): other databases on a shared server may have deadlocks of their own.
 */
async function deadlocks(): Promise<string> {
  const [[status]] = (await db().execute(sql`SHOW ENGINE INNODB STATUS`)) as unknown as [
    { Status: string }[],
  ];
  const [[database]] = (await db().execute(sql`SELECT DATABASE() AS name`)) as unknown as [
    { name: string }[],
  ];
  const latest =
    /LATEST DETECTED DEADLOCK\n-+\n([\s\S]*?)\n-{8,}\n/.exec(status!.Status)?.[1] ?? "";
  return latest.includes(`\`${database!.name}\`.`) ? latest : "";
}

/** Each user's unfiltered list count (read from task_counts) matches a scan of what they see. */
async function expectCountsExact(users: TestUser[]): Promise<void> {
  for (const user of users) {
    const listed = await api<{ count: number }>("GET", "/api/tasks/?page_size=1", {
      token: user.token,
    });
    const [rows] = (await db().execute(
      user.role === "MANAGER"
        ? sql`SELECT COUNT(*) AS n FROM tasks WHERE created_by = ${user.id} OR assigned_to = ${user.id}`
        : sql`SELECT COUNT(*) AS n FROM tasks WHERE assigned_to = ${user.id}`,
    )) as unknown as [{ n: number }[]];
    expect(listed.body.count, `${user.role} ${user.id}`).toBe(Number(rows[0]!.n));
  }
}

type BulkDetail = { detail: string; errors?: Record<string, unknown>[] };

/**
 * Runs `write` while an admin's deactivation of `leaving` has changed the row but not committed,
 * commits it once the write waits for that row, and returns the write's answer.
 */
async function racingDeactivation<T>(leaving: TestUser, write: () => Promise<T>): Promise<T> {
  const admin = await pool().getConnection();
  try {
    await admin.beginTransaction();
    await admin.query("UPDATE users SET is_active = 0 WHERE id = ?", [leaving.id]);
    const answer = write();
    await someTransactionWaitsForALock();
    await admin.commit();
    return await answer;
  } finally {
    admin.release();
  }
}

async function tasksAssignedTo(user: TestUser): Promise<number> {
  const [rows] = (await db().execute(
    sql`SELECT COUNT(*) AS n FROM tasks WHERE assigned_to = ${user.id}`,
  )) as unknown as [{ n: number }[]];
  return Number(rows[0]!.n);
}

describe("a write naming an assignee at the moment of their deactivation", () => {
  const refused = (who: number | string) => `User ${who} is not an active employee or manager.`;

  it("a reassignment never leaves a task newly assigned to a deactivated user", async () => {
    const manager = await makeUser("MANAGER");
    const leaving = await makeUser("EMPLOYEE");
    const id = await makeTask({ createdBy: manager.id });
    const res = await racingDeactivation(leaving, () =>
      api<Detail>("PATCH", `/api/tasks/${id}/`, {
        token: manager.token,
        body: { assigned_to: leaving.id },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: "assigned_to", message: refused(leaving.id) }]);
  });

  it("a bulk-create creates nothing for a user deactivated before it commits", async () => {
    const manager = await makeUser("MANAGER");
    const leaving = await makeUser("EMPLOYEE");
    const res = await racingDeactivation(leaving, () =>
      api<BulkDetail>("POST", "/api/tasks/bulk-create/", {
        token: manager.token,
        body: { tasks: [{ title: "Stays" }, { title: "Handed over", assigned_to: leaving.id }] },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { index: 1, field: "assigned_to", message: refused(leaving.id) },
    ]);
    expect(await tasksAssignedTo(leaving)).toBe(0);
  });

  it("a CSV import creates nothing for a user deactivated before it commits", async () => {
    const manager = await makeUser("MANAGER");
    const leaving = await makeUser("EMPLOYEE");
    const res = await racingDeactivation(leaving, () =>
      upload<BulkDetail>(
        manager.token,
        `title,description,assigned_to,status\nHanded over,,${leaving.email},TODO\n`,
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        line: 2,
        column: "assigned_to",
        field: "assigned_to",
        value: leaving.email,
        message: refused(leaving.email),
      },
    ]);
    expect(await tasksAssignedTo(leaving)).toBe(0);
  });
});

describe("a task write and an admin's change to a user the write involves", () => {
  it("queue instead of deadlocking: an admin assigns a task while another admin deactivates the assignee", async () => {
    const creator = await makeUser("ADMIN");
    const leaving = await makeUser("EMPLOYEE");
    const change = await pool().getConnection();
    try {
      // As a user update begins: every active admin's row locked, then the target's.
      await change.beginTransaction();
      await change.query("SELECT id FROM users WHERE role = 'ADMIN' AND is_active = 1 FOR UPDATE");
      const created = api<Detail>("POST", "/api/tasks/", {
        token: creator.token,
        body: { title: "Handed over", assigned_to: leaving.id },
      });
      await someTransactionWaitsForALock();
      await change.query("UPDATE users SET is_active = 0 WHERE id = ?", [leaving.id]);
      await change.commit();
      const res = await created;
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: "assigned_to", message: `User ${leaving.id} is not active.` },
      ]);
    } finally {
      change.release();
    }
  });

  it("refuses a manager's create that waited for their own demotion, and writes nothing", async () => {
    const manager = await makeUser("MANAGER");
    const change = await pool().getConnection();
    try {
      await change.beginTransaction();
      await change.query("UPDATE users SET role = 'EMPLOYEE' WHERE id = ?", [manager.id]);
      const created = api<Detail>("POST", "/api/tasks/", {
        token: manager.token,
        body: { title: "Made by a manager no more" },
      });
      await someTransactionWaitsForALock();
      await change.commit();
      const res = await created;
      expect(res.status).toBe(403);
      expect(res.body.detail).toBe(ACCOUNT_CHANGED);
      const [rows] = (await db().execute(
        sql`SELECT COUNT(*) AS n FROM tasks WHERE created_by = ${manager.id}`,
      )) as unknown as [{ n: number }[]];
      expect(Number(rows[0]!.n)).toBe(0);
    } finally {
      change.release();
    }
  });

  it("refuses edits, status changes, deletes and bulk changes that waited for the actor's demotion", async () => {
    // They once took the actor's row only for their activity row, after their checks: each
    // committed as the manager the account no longer was.
    const manager = await makeUser("MANAGER");
    const [edited, moved, removed, bulk] = await Promise.all(
      [0, 1, 2, 3].map(() => makeTask({ createdBy: manager.id, title: "Before" })),
    );
    const writes: [string, () => Promise<{ status: number; body: unknown }>][] = [
      [
        "edit",
        () =>
          api("PATCH", `/api/tasks/${edited}/`, { token: manager.token, body: { title: "After" } }),
      ],
      [
        "status",
        () =>
          api("PATCH", `/api/tasks/${moved}/`, { token: manager.token, body: { status: "DONE" } }),
      ],
      ["delete", () => api("DELETE", `/api/tasks/${removed}/`, { token: manager.token })],
      [
        "bulk",
        () =>
          applyBulkTaskAction(actorOf(manager), {
            action: "priority",
            priority: "HIGH",
            ids: [bulk!],
          })
            .then((body) => ({ status: 200, body }))
            .catch((error: { status: number; detail: string }) => ({
              status: error.status,
              body: { detail: error.detail },
            })),
      ],
    ];
    for (const [name, write] of writes) {
      const change = await pool().getConnection();
      try {
        await change.beginTransaction();
        await change.query("UPDATE users SET role = 'EMPLOYEE' WHERE id = ?", [manager.id]);
        const pending = write();
        await someTransactionWaitsForALock();
        await change.commit();
        const res = await pending;
        expect(res.status, name).toBe(403);
        expect(res.body, name).toEqual({ detail: ACCOUNT_CHANGED });
      } finally {
        await pool().query("UPDATE users SET role = 'MANAGER' WHERE id = ?", [manager.id]);
        change.release();
      }
    }
  });
});

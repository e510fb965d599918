import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, pool } from "@/db/client";
import { activity, tasks } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { applyBulkTaskAction, matchingTasks } from "@/lib/services/task-bulk-actions";
import { bulkTaskActionSchema, MAX_BULK_TASKS } from "@/lib/validation/task-bulk";
import { actorOf, makeTask, makeUser } from "../helpers/factories";
import { someTransactionWaitsForALock } from "../helpers/lock-waits";

async function rowsOf(ids: number[]) {
  return db().select().from(tasks).where(inArray(tasks.id, ids)).orderBy(tasks.id);
}

async function activityOf(ids: number[]) {
  return db().select().from(activity).where(inArray(activity.taskId, ids)).orderBy(activity.id);
}

async function refusal(work: Promise<unknown>): Promise<ApiError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("applyBulkTaskAction", () => {
  it("reassigns every selected task in one go, bumping versions and writing one activity row each", async () => {
    const manager = await makeUser("MANAGER");
    const [from, to] = [await makeUser("EMPLOYEE"), await makeUser("EMPLOYEE")];
    const ids = [
      await makeTask({ createdBy: manager.id, assignedTo: from.id }),
      await makeTask({ createdBy: manager.id, assignedTo: from.id }),
    ];

    const result = await applyBulkTaskAction(
      actorOf(manager),
      bulkTaskActionSchema.parse({ action: "reassign", ids, assigned_to: to.id }),
    );

    expect(result).toEqual({ action: "reassign", matched: 2, changed: 2 });
    const rows = await rowsOf(ids);
    expect(rows.map((r) => [r.assignedTo, r.version])).toEqual([
      [to.id, 2],
      [to.id, 2],
    ]);
    const events = await activityOf(ids);
    expect(events.map((e) => [e.taskId, e.kind, e.field, e.fromValue, e.toValue])).toEqual(
      ids.map((id) => [id, "TASK_ASSIGNED", "assigned_to", String(from.id), String(to.id)]),
    );
  });

  it("changes nothing at all when one selected task is not the manager's to edit", async () => {
    const manager = await makeUser("MANAGER");
    const other = await makeUser("MANAGER");
    const own = await makeTask({ createdBy: manager.id, priority: "LOW" });
    // Assigned to the manager but created by someone else: readable, not editable.
    const foreign = await makeTask({
      createdBy: other.id,
      assignedTo: manager.id,
      priority: "LOW",
    });

    const error = await refusal(
      applyBulkTaskAction(
        actorOf(manager),
        bulkTaskActionSchema.parse({ action: "priority", ids: [own, foreign], priority: "URGENT" }),
      ),
    );

    expect(error.status).toBe(403);
    expect((await rowsOf([own, foreign])).map((r) => r.priority)).toEqual(["LOW", "LOW"]);
    expect(await activityOf([own, foreign])).toEqual([]);
  });

  it("answers 404 for a task outside the actor's view, as the single-task API does", async () => {
    const manager = await makeUser("MANAGER");
    const other = await makeUser("MANAGER");
    const hidden = await makeTask({ createdBy: other.id });
    const own = await makeTask({ createdBy: manager.id });

    const error = await refusal(
      applyBulkTaskAction(
        actorOf(manager),
        bulkTaskActionSchema.parse({ action: "status", ids: [own, hidden], status: "DONE" }),
      ),
    );

    expect(error.status).toBe(404);
    expect((await rowsOf([own])).map((r) => r.status)).toEqual(["TODO"]);
  });

  it("refuses a deactivated assignee with a field error and leaves the tasks as they were", async () => {
    const manager = await makeUser("MANAGER");
    const gone = await makeUser("EMPLOYEE", { isActive: false });
    const id = await makeTask({ createdBy: manager.id });

    const error = await refusal(
      applyBulkTaskAction(
        actorOf(manager),
        bulkTaskActionSchema.parse({ action: "reassign", ids: [id], assigned_to: gone.id }),
      ),
    );

    expect(error.status).toBe(400);
    expect(error.extra.errors).toEqual([expect.objectContaining({ field: "assigned_to" })]);
    expect((await rowsOf([id]))[0]!.assignedTo).toBeNull();
  });

  it("lets an employee change only the status of their own tasks, never other fields", async () => {
    const manager = await makeUser("MANAGER");
    const employee = await makeUser("EMPLOYEE");
    const id = await makeTask({ createdBy: manager.id, assignedTo: employee.id });

    const statusResult = await applyBulkTaskAction(
      actorOf(employee),
      bulkTaskActionSchema.parse({ action: "status", ids: [id], status: "IN_PROGRESS" }),
    );
    expect(statusResult.changed).toBe(1);

    const error = await refusal(
      applyBulkTaskAction(
        actorOf(employee),
        bulkTaskActionSchema.parse({ action: "priority", ids: [id], priority: "HIGH" }),
      ),
    );
    expect(error.status).toBe(403);
    expect(error.detail).toBe("You can only update task status.");
  });

  it("deletes the selected tasks with a TASK_DELETED row each, and skips unchanged rows on updates", async () => {
    const admin = await makeUser("ADMIN");
    const manager = await makeUser("MANAGER");
    const done = await makeTask({ createdBy: manager.id, status: "DONE" });
    const todo = await makeTask({ createdBy: manager.id, status: "TODO" });

    const update = await applyBulkTaskAction(
      actorOf(admin),
      bulkTaskActionSchema.parse({ action: "status", ids: [done, todo], status: "DONE" }),
    );
    expect(update).toEqual({ action: "status", matched: 2, changed: 1 });
    expect((await rowsOf([done]))[0]!.version).toBe(1);

    const removal = await applyBulkTaskAction(
      actorOf(admin),
      bulkTaskActionSchema.parse({ action: "delete", ids: [done, todo] }),
    );
    expect(removal.changed).toBe(2);
    expect(await rowsOf([done, todo])).toEqual([]);
    const deleted = await db().select().from(activity).where(eq(activity.kind, "TASK_DELETED"));
    expect(deleted.filter((e) => e.taskId === done || e.taskId === todo)).toHaveLength(2);
  });

  it("refuses (412) a task changed since the table showed it, names it, and changes nothing", async () => {
    const manager = await makeUser("MANAGER");
    const ids = [
      await makeTask({ createdBy: manager.id, title: "Seen as it is" }),
      await makeTask({ createdBy: manager.id, title: "Changed meanwhile" }),
    ];
    const seen = (await rowsOf(ids)).map(({ id, version }) => ({ id, version }));
    await db().update(tasks).set({ status: "DONE", version: 2 }).where(eq(tasks.id, ids[1]!));
    const before = await rowsOf(ids);

    for (const input of [
      { action: "delete", ids, seen },
      { action: "priority", ids, seen, priority: "HIGH" },
    ]) {
      const error = await refusal(
        applyBulkTaskAction(actorOf(manager), bulkTaskActionSchema.parse(input)),
      );
      expect(error.status).toBe(412);
      expect(error.detail).toBe(
        "Someone changed 1 selected task since the table was loaded (“Changed meanwhile”); nothing was changed.",
      );
    }
    expect(await rowsOf(ids)).toEqual(before);
    expect(await activityOf(ids)).toEqual([]);

    // With the versions as they are now, the same action goes through.
    const now = (await rowsOf(ids)).map(({ id, version }) => ({ id, version }));
    const done = await applyBulkTaskAction(
      actorOf(manager),
      bulkTaskActionSchema.parse({ action: "delete", ids, seen: now }),
    );
    expect(done).toMatchObject({ matched: 2, changed: 2 });
  });

  it("runs again, whole, when InnoDB rolls it back to break a deadlock", async () => {
    const manager = await makeUser("MANAGER");
    const [low, high] = [
      await makeTask({ createdBy: manager.id }),
      await makeTask({ createdBy: manager.id }),
    ];
    const other = await pool().getConnection();
    try {
      await other.beginTransaction();
      // 20 rows written make this transaction the heavier one, so InnoDB rolls the action back.
      const rows = Array.from({ length: 20 }, () => ["TASK_UPDATED", manager.id, low]);
      await other.query("INSERT INTO activity (kind, actor_id, task_id) VALUES ?", [rows]);
      await other.query("SELECT id FROM tasks WHERE id = ? FOR UPDATE", [high]);
      const settled = applyBulkTaskAction(
        actorOf(manager),
        bulkTaskActionSchema.parse({ action: "status", ids: [low, high], status: "DONE" }),
      ).then(
        (result) => ({ result, error: null }),
        (error: unknown) => ({ result: null, error }),
      );
      // The action holds `low` and waits for `high`; asking for `low` here closes the cycle.
      await someTransactionWaitsForALock();
      await other.query("SELECT id FROM tasks WHERE id = ? FOR UPDATE", [low]);
      await other.commit();

      const { result, error } = await settled;
      expect(error).toBeNull();
      expect(result).toEqual({ action: "status", matched: 2, changed: 2 });
    } finally {
      other.release();
    }
    expect((await rowsOf([low, high])).map((r) => [r.status, r.version])).toEqual([
      ["DONE", 2],
      ["DONE", 2],
    ]);
    const events = await activityOf([low, high]);
    expect(events.filter((e) => e.kind === "TASK_STATUS_CHANGED")).toHaveLength(2);
  });
});

describe('matchingTasks (the table\'s "select all matching")', () => {
  it("names every task the actor's list shows under the filters, whatever page was shown", async () => {
    const manager = await makeUser("MANAGER");
    const otherManager = await makeUser("MANAGER");
    const tag = `Matching ${Date.now().toString(36)}`;
    const mine = [];
    for (let i = 0; i < 7; i += 1) {
      mine.push(await makeTask({ createdBy: manager.id, title: `${tag} ${i}`, status: "TODO" }));
    }
    await makeTask({ createdBy: manager.id, title: `${tag} done`, status: "DONE" });
    await makeTask({ createdBy: otherManager.id, title: `${tag} not mine`, status: "TODO" });
    const filters = new URLSearchParams({ search: tag, status: "TODO", page: "2", page_size: "3" });
    const found = await matchingTasks(actorOf(manager), filters.toString());
    expect(found.map(({ id }) => id).sort((a, b) => a - b)).toEqual(mine);
    // With the version each had, for the bulk action to hold them to.
    expect(found.every(({ version }) => version === 1)).toBe(true);
  });

  it("takes every task that matches throughout, while others leave the list during the read", async () => {
    // Read page by page, each page in its own snapshot, tasks leaving the list before the next
    // page shifted it: up to 90 of the 300 that matched throughout were skipped.
    const manager = await makeUser("MANAGER");
    const tag = `Steady ${Date.now().toString(36)}`;
    const insert = (count: number, label: string) =>
      pool().query("INSERT INTO tasks (title, description, created_by) VALUES ?", [
        Array.from({ length: count }, (_, i) => [`${tag} ${label} ${i}`, "", manager.id]),
      ]);
    await insert(300, "steady");
    // Newer, so first in the list's order: they leave from under its first pages.
    await insert(90, "leaving");
    const [rows] = (await pool().query("SELECT id, title FROM tasks WHERE title LIKE ?", [
      `${tag} %`,
    ])) as unknown as [{ id: number; title: string }[]];
    const steady = rows.filter((row) => row.title.includes(" steady ")).map((row) => row.id);
    const leaving = rows.filter((row) => row.title.includes(" leaving ")).map((row) => row.id);

    const [found] = await Promise.all([
      matchingTasks(actorOf(manager), `status=TODO&search=${encodeURIComponent(tag)}`),
      ...leaving.map((id) => pool().query("UPDATE tasks SET status = 'DONE' WHERE id = ?", [id])),
    ]);
    const ids = found.map(({ id }) => id);
    expect(ids.filter((id) => steady.includes(id))).toHaveLength(300);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("refuses, with how many match, a selection larger than a bulk change takes", async () => {
    const manager = await makeUser("MANAGER");
    const tag = `Many ${Date.now().toString(36)}`;
    await pool().query("INSERT INTO tasks (title, description, created_by) VALUES ?", [
      Array.from({ length: MAX_BULK_TASKS + 1 }, (_, i) => [`${tag} ${i}`, "", manager.id]),
    ]);
    const error = await refusal(
      matchingTasks(actorOf(manager), `search=${encodeURIComponent(tag)}`),
    );
    expect(error.status).toBe(400);
    expect(error.detail).toBe(
      `${MAX_BULK_TASKS + 1} tasks match; a bulk change takes at most ${MAX_BULK_TASKS}. Narrow the filters.`,
    );
  });
});

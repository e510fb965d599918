import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activity, tasks } from "@/db/schema";
import { listActivityTrail } from "@/lib/services/activity-trail";
import { mondayOf } from "@/lib/dates/time-zone";
import { getOverview, recentWeeks } from "@/lib/services/overview";
import { activityTrailQuerySchema } from "@/lib/validation/activity-trail";
import { api } from "../helpers/api";
import { actorOf, makeTask, makeUser } from "../helpers/factories";

function isoDaysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe("weeks of the overview chart", () => {
  it("start on Monday and end with the week holding today", () => {
    expect(recentWeeks("2026-11-29").at(-1)).toBe("2026-11-23");
    expect(recentWeeks("2026-11-23").at(-1)).toBe("2026-11-23");
    expect(recentWeeks("2026-11-25")).toEqual([
      "2026-10-05",
      "2026-10-12",
      "2026-10-19",
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
    ]);
  });
});

describe("getOverview", () => {
  it("counts tasks per status, overdue ones, and progress per manager and assignee", async () => {
    const admin = actorOf(await makeUser("ADMIN"));
    const manager = await makeUser("MANAGER");
    const employee = await makeUser("EMPLOYEE");
    const before = await getOverview(admin);

    await makeTask({ createdBy: manager.id, assignedTo: employee.id, status: "TODO" });
    await makeTask({
      createdBy: manager.id,
      assignedTo: employee.id,
      status: "IN_PROGRESS",
      dueDate: isoDaysFromToday(-3),
    });
    await makeTask({
      createdBy: manager.id,
      assignedTo: employee.id,
      status: "DONE",
      dueDate: isoDaysFromToday(-3),
    });
    await makeTask({ createdBy: manager.id, status: "DONE" });

    const after = await getOverview(admin);
    expect(after.total - before.total).toBe(4);
    expect(after.by_status.TODO - before.by_status.TODO).toBe(1);
    expect(after.by_status.IN_PROGRESS - before.by_status.IN_PROGRESS).toBe(1);
    expect(after.by_status.DONE - before.by_status.DONE).toBe(2);
    // A DONE task past its due date is not overdue.
    expect(after.overdue - before.overdue).toBe(1);
    expect(after.per_manager.find((p) => p.id === manager.id)).toEqual({
      id: manager.id,
      full_name: manager.fullName,
      role: "MANAGER",
      done: 2,
      total: 4,
    });
    expect(after.per_assignee.find((p) => p.id === employee.id)).toMatchObject({
      done: 1,
      total: 3,
    });
    const unassigned = (o: typeof after) => o.per_assignee.find((p) => p.id === null);
    expect(unassigned(after)!.total - (unassigned(before)?.total ?? 0)).toBe(1);
    expect(after.per_assignee.at(-1)!.id).toBeNull();
  });

  it("charts completions by the week of their last change to DONE, over 8 weeks", async () => {
    const admin = actorOf(await makeUser("ADMIN"));
    const manager = await makeUser("MANAGER");
    const now = new Date();
    const before = await getOverview(admin, now);
    const recentDone = await makeTask({ createdBy: manager.id, status: "DONE" });
    const olderDone = await makeTask({ createdBy: manager.id, status: "DONE" });
    const ancientDone = await makeTask({ createdBy: manager.id, status: "DONE" });
    await makeTask({ createdBy: manager.id, status: "IN_PROGRESS" });
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    // The older task was completed three weeks ago (its activity says so), edited since.
    await db()
      .insert(activity)
      .values({
        kind: "TASK_STATUS_CHANGED",
        actorId: manager.id,
        taskId: olderDone,
        field: "status",
        fromValue: "IN_PROGRESS",
        toValue: "DONE",
        createdAt: daysAgo(21),
      });
    await db()
      .update(tasks)
      .set({ updatedAt: daysAgo(100) })
      .where(eq(tasks.id, ancientDone));

    const after = await getOverview(admin, now);
    expect(after.completed_per_week).toHaveLength(8);
    const delta = after.completed_per_week.map(
      (w, i) => w.completed - before.completed_per_week[i]!.completed,
    );
    const threeWeeksAgo = after.completed_per_week.findIndex(
      (w) => w.week_start === mondayOf(daysAgo(21).toISOString().slice(0, 10)),
    );
    expect(delta[7]).toBe(1);
    expect(delta[threeWeeksAgo]).toBe(1);
    expect(delta.reduce((a, b) => a + b, 0)).toBe(2);
    expect(recentDone).toBeGreaterThan(0);
  });

  it("is for admins only", async () => {
    const manager = actorOf(await makeUser("MANAGER"));
    await expect(getOverview(manager)).rejects.toMatchObject({ status: 403 });
  });
});

describe("listActivityTrail", () => {
  it("shows task and user events with actor, subject and before → after, filtered and paginated", async () => {
    const adminUser = await makeUser("ADMIN");
    const admin = actorOf(adminUser);
    const manager = await makeUser("MANAGER");
    const employee = await makeUser("EMPLOYEE");

    const created = await api<{ id: number }>("POST", "/api/tasks/", {
      token: manager.token,
      body: { title: "Audit me", assigned_to: employee.id },
    });
    expect(created.status).toBe(201);
    const taskId = created.body.id;
    expect(
      (
        await api("PATCH", `/api/tasks/${taskId}/`, {
          token: employee.token,
          body: { status: "DONE" },
        })
      ).status,
    ).toBe(200);
    await api("PATCH", `/api/users/${employee.id}/`, {
      token: adminUser.token,
      body: { role: "MANAGER" },
    });

    const byTask = await listActivityTrail(
      admin,
      activityTrailQuerySchema.parse({ task: String(taskId) }),
    );
    const change = byTask.results.find((e) => e.kind === "TASK_STATUS_CHANGED")!;
    expect(change).toMatchObject({
      actor: { id: employee.id, full_name: employee.fullName },
      task_id: taskId,
      task_title: "Audit me",
      field: "status",
      from_value: "TODO",
      to_value: "DONE",
    });
    expect(byTask.results.every((e) => e.task_id === taskId)).toBe(true);

    const roleChanges = await listActivityTrail(
      admin,
      activityTrailQuerySchema.parse({ actor: String(adminUser.id), kind: "USER_ROLE_CHANGED" }),
    );
    expect(roleChanges.count).toBe(1);
    expect(roleChanges.results[0]).toMatchObject({
      actor: { id: adminUser.id },
      subject: { id: employee.id },
      from_value: "EMPLOYEE",
      to_value: "MANAGER",
    });

    const today = new Date().toISOString().slice(0, 10);
    const yesterday = isoDaysFromToday(-1);
    const inRange = await listActivityTrail(
      admin,
      activityTrailQuerySchema.parse({ actor: String(manager.id), from: today, to: today }),
    );
    expect(inRange.count).toBeGreaterThan(0);
    const outOfRange = await listActivityTrail(
      admin,
      activityTrailQuerySchema.parse({ actor: String(manager.id), to: yesterday }),
    );
    expect(outOfRange.count).toBe(0);

    const all = await listActivityTrail(admin, activityTrailQuerySchema.parse({ page_size: "2" }));
    const next = await listActivityTrail(
      admin,
      activityTrailQuerySchema.parse({ page_size: "2", page: "2" }),
    );
    expect(all.results).toHaveLength(2);
    expect(all.results[0]!.id).toBeGreaterThan(all.results[1]!.id);
    expect(next.results[0]!.id).toBeLessThan(all.results[1]!.id);
    const [total] = await db()
      .select({ n: sql<number>`COUNT(*)` })
      .from(activity);
    expect(all.count).toBe(Number(total!.n));
  });

  it("keeps the history of a deleted task, without its title", async () => {
    const adminUser = await makeUser("ADMIN");
    const manager = await makeUser("MANAGER");
    const created = await api<{ id: number }>("POST", "/api/tasks/", {
      token: manager.token,
      body: { title: "Soon gone" },
    });
    await api("DELETE", `/api/tasks/${created.body.id}/`, { token: manager.token });
    const trail = await listActivityTrail(
      actorOf(adminUser),
      activityTrailQuerySchema.parse({ task: String(created.body.id) }),
    );
    expect(trail.results.map((e) => e.kind).sort()).toEqual(["TASK_CREATED", "TASK_DELETED"]);
    expect(trail.results.every((e) => e.task_title === null)).toBe(true);
  });

  it("refuses a date range that ends before it starts, and non-admins", async () => {
    expect(
      activityTrailQuerySchema.safeParse({ from: "2026-05-02", to: "2026-05-01" }).success,
    ).toBe(false);
    const manager = actorOf(await makeUser("MANAGER"));
    await expect(
      listActivityTrail(manager, activityTrailQuerySchema.parse({})),
    ).rejects.toMatchObject({ status: 403 });
  });
});

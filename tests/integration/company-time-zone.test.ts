import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { activity } from "@/db/schema";
import { addDays, dayIn, mondayOf, startOfDay } from "@/lib/dates/time-zone";
import { activityTrailQuerySchema } from "@/lib/validation/activity-trail";
import type { TaskDto } from "@/lib/validation/tasks";
import { api } from "../helpers/api";
import { actorOf, makeTask, makeUser } from "../helpers/factories";

/** The services as a server started with TIME_ZONE=`zone` runs them (config is read once). */
async function withTimeZone(zone: string) {
  vi.stubEnv("TIME_ZONE", zone);
  vi.resetModules();
  return {
    overview: await import("@/lib/services/overview"),
    trail: await import("@/lib/services/activity-trail"),
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("TIME_ZONE: the company's calendar", () => {
  it("decides what is overdue by today in that zone, in the task, the list's filter and the overview", async () => {
    const now = new Date();
    // A zone whose day is UTC's next (from 10:00 UTC) or previous one (until 12:00 UTC), with an
    // hour to spare either way.
    const ahead = now.getUTCHours() >= 11;
    const zone = ahead ? "Etc/GMT-14" : "Etc/GMT+12";
    const utcToday = dayIn("UTC", now);
    expect(dayIn(zone, now)).toBe(addDays(utcToday, ahead ? 1 : -1));
    // Ahead: due today in UTC, which is yesterday there. Behind: due yesterday in UTC, today there.
    const due = ahead ? utcToday : addDays(utcToday, -1);
    const manager = await makeUser("MANAGER");
    const employee = await makeUser("EMPLOYEE");
    const id = await makeTask({ createdBy: manager.id, assignedTo: employee.id, dueDate: due });

    const judged = async () => {
      const task = await api<TaskDto>("GET", `/api/tasks/${id}/`, { token: employee.token });
      const overdueList = await api<{ results: TaskDto[] }>("GET", "/api/tasks/?overdue=true", {
        token: employee.token,
      });
      return [task.body.is_overdue, overdueList.body.results.some((t) => t.id === id)];
    };
    expect(await judged()).toEqual([!ahead, !ahead]);
    await withTimeZone(zone);
    expect(await judged()).toEqual([ahead, ahead]);

    // The admin overview's overdue count moves the same way.
    const admin = actorOf(await makeUser("ADMIN"));
    const inZone = await (await withTimeZone(zone)).overview.getOverview(admin, now);
    const inUtc = await (await withTimeZone("UTC")).overview.getOverview(admin, now);
    expect(inZone.overdue - inUtc.overdue).toBe(ahead ? 1 : -1);
  });

  it("counts a task completed just after Monday midnight there in that week, not UTC's previous one", async () => {
    const zone = "Asia/Tokyo";
    const now = new Date();
    const thisMonday = mondayOf(dayIn(zone, now));
    // 00:30 on Monday in Tokyo is 15:30 on Sunday in UTC.
    const doneAt = new Date(startOfDay(thisMonday, zone).getTime() + 30 * 60_000);
    const manager = await makeUser("MANAGER");
    const admin = actorOf(await makeUser("ADMIN"));
    const { overview } = await withTimeZone(zone);
    const weekOf = (weeks: { week_start: string; completed: number }[], day: string) =>
      weeks.find((w) => w.week_start === day)!.completed;
    const before = (await overview.getOverview(admin, now)).completed_per_week;
    const id = await makeTask({ createdBy: manager.id, status: "DONE" });
    await db().insert(activity).values({
      kind: "TASK_STATUS_CHANGED",
      actorId: manager.id,
      taskId: id,
      field: "status",
      fromValue: "TODO",
      toValue: "DONE",
      createdAt: doneAt,
    });
    const after = (await overview.getOverview(admin, now)).completed_per_week;
    expect(after.at(-1)!.week_start).toBe(thisMonday);
    expect(weekOf(after, thisMonday) - weekOf(before, thisMonday)).toBe(1);
    const lastWeek = addDays(thisMonday, -7);
    expect(weekOf(after, lastWeek) - weekOf(before, lastWeek)).toBe(0);
  });

  it("filters the activity trail by whole days there", async () => {
    const zone = "Asia/Tokyo";
    const day = "2026-06-15";
    // 01:00 on 15 June in Tokyo is 16:00 on 14 June in UTC.
    const at = new Date(startOfDay(day, zone).getTime() + 60 * 60_000);
    const manager = await makeUser("MANAGER");
    const admin = actorOf(await makeUser("ADMIN"));
    const id = await makeTask({ createdBy: manager.id });
    await db().insert(activity).values({
      kind: "TASK_UPDATED",
      actorId: manager.id,
      taskId: id,
      createdAt: at,
    });
    const found = async (from: string, to: string) => {
      const { trail } = await withTimeZone(zone);
      const query = activityTrailQuerySchema.parse({ task: String(id), from, to });
      return (await trail.listActivityTrail(admin, query)).count;
    };
    expect(await found(day, day)).toBe(1);
    expect(await found(addDays(day, -1), addDays(day, -1))).toBe(0);
    const { trail } = await withTimeZone("UTC");
    const utcQuery = activityTrailQuerySchema.parse({ task: String(id), from: day, to: day });
    expect((await trail.listActivityTrail(admin, utcQuery)).count).toBe(0);
  });
});

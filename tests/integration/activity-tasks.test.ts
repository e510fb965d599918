import { beforeAll, describe, expect, it } from "vitest";
import type { ActivityDto } from "@/lib/services/tasks";
import type { TaskDto } from "@/lib/validation/tasks";
import { api } from "../helpers/api";
import { makeTask, makeUser, type TestUser } from "../helpers/factories";

let admin: TestUser;
let manager: TestUser;
let employee: TestUser;
let other: TestUser;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  manager = await makeUser("MANAGER");
  employee = await makeUser("EMPLOYEE");
  other = await makeUser("EMPLOYEE");
});

const history = (user: TestUser, id: number) =>
  api<ActivityDto[]>("GET", `/api/tasks/${id}/activity/`, { token: user.token });

const brief = (rows: ActivityDto[]) =>
  rows.map((r) => [r.kind, r.field, r.from_value, r.to_value, r.actor?.id ?? null]);

describe("task activity", () => {
  it("records create, each edited field, status, reassignment and delete, with actor and time", async () => {
    const created = await api<TaskDto>("POST", "/api/tasks/", {
      token: manager.token,
      body: { title: "Audit me", assigned_to: employee.id },
    });
    const id = created.body.id;
    const before = Date.now();
    await api("PATCH", `/api/tasks/${id}/`, {
      token: manager.token,
      body: { title: "Audited", description: "why", priority: "HIGH", due_date: "2030-01-02" },
    });
    await api("PATCH", `/api/tasks/${id}/`, { token: employee.token, body: { status: "DONE" } });
    await api("PATCH", `/api/tasks/${id}/`, {
      token: manager.token,
      body: { assigned_to: other.id },
    });
    await api("PATCH", `/api/tasks/${id}/`, { token: manager.token, body: { assigned_to: null } });

    const res = await history(manager, id);
    expect(res.status).toBe(200);
    expect(brief(res.body)).toEqual([
      ["TASK_CREATED", "title", null, "Audit me", manager.id],
      ["TASK_UPDATED", "title", "Audit me", "Audited", manager.id],
      ["TASK_UPDATED", "description", "", "why", manager.id],
      ["TASK_UPDATED", "priority", "MEDIUM", "HIGH", manager.id],
      ["TASK_UPDATED", "due_date", null, "2030-01-02", manager.id],
      ["TASK_STATUS_CHANGED", "status", "TODO", "DONE", employee.id],
      ["TASK_ASSIGNED", "assigned_to", String(employee.id), String(other.id), manager.id],
      ["TASK_ASSIGNED", "assigned_to", String(other.id), null, manager.id],
    ]);
    expect(res.body.every((r) => r.task_id === id)).toBe(true);
    expect(res.body[5]!.actor).toEqual({
      id: employee.id,
      email: employee.email,
      full_name: employee.fullName,
    });
    expect(Date.parse(res.body[7]!.created_at)).toBeGreaterThanOrEqual(before - 5_000);

    expect((await api("DELETE", `/api/tasks/${id}/`, { token: manager.token })).status).toBe(204);
    const afterDelete = await history(admin, id);
    expect(afterDelete.status).toBe(200);
    expect(brief(afterDelete.body).at(-1)).toEqual([
      "TASK_DELETED",
      "title",
      "Audited",
      null,
      manager.id,
    ]);
    // Only admins read the history of a task that no longer exists.
    expect((await history(manager, id)).status).toBe(404);
  });

  it("writes nothing when a change is refused, and records a touch when nothing changed", async () => {
    const id = await makeTask({ createdBy: manager.id, assignedTo: employee.id, title: "Same" });
    const inactive = await makeUser("EMPLOYEE", { isActive: false });
    const refused = await api("PATCH", `/api/tasks/${id}/`, {
      token: manager.token,
      body: { title: "Changed", assigned_to: inactive.id },
    });
    expect(refused.status).toBe(400);
    expect((await history(manager, id)).body).toEqual([]);
    const unchanged = await api<TaskDto>("GET", `/api/tasks/${id}/`, { token: manager.token });
    expect(unchanged.body).toMatchObject({ title: "Same", version: 1 });

    const touch = await api<TaskDto>("PATCH", `/api/tasks/${id}/`, {
      token: manager.token,
      body: { title: "Same" },
    });
    expect(touch.body.version).toBe(2);
    expect(brief((await history(manager, id)).body)).toEqual([
      ["TASK_UPDATED", null, null, null, manager.id],
    ]);
  });

  it("hides a task's history from those who cannot see the task", async () => {
    const id = await makeTask({ createdBy: manager.id, assignedTo: employee.id });
    expect((await history(employee, id)).status).toBe(200);
    expect((await history(other, id)).status).toBe(404);
    expect((await history(admin, 2_000_000_000)).status).toBe(404);
  });

  it("answers a long history in parts, each naming the next in its Link header", async () => {
    const id = await makeTask({ createdBy: manager.id, assignedTo: employee.id, title: "Busy" });
    for (const status of ["IN_PROGRESS", "DONE", "TODO", "IN_PROGRESS"]) {
      await api("PATCH", `/api/tasks/${id}/`, { token: employee.token, body: { status } });
    }
    const whole = await history(employee, id);
    expect(whole.headers.get("link")).toBeNull();
    const ids = whole.body.map((event) => event.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);

    const walked: number[] = [];
    let path: string | null = `/api/tasks/${id}/activity/?limit=3`;
    while (path) {
      const res: Awaited<ReturnType<typeof history>> = await api<ActivityDto[]>("GET", path, {
        token: employee.token,
      });
      expect(res.status).toBe(200);
      expect(res.body.length).toBeLessThanOrEqual(3);
      walked.push(...res.body.map((event) => event.id));
      const link = res.headers.get("link");
      if (!link) break;
      const next = /^<([^>]+)>; rel="next"$/.exec(link)?.[1];
      expect(next).toBeDefined();
      const url = new URL(next!);
      expect(url.searchParams.get("limit")).toBe("3");
      expect(url.searchParams.get("after")).toBe(String(walked[walked.length - 1]));
      path = `${url.pathname}${url.search}`;
    }
    expect(walked).toEqual(ids);
  });

  it("takes after=0 as the start, where a generic pager begins", async () => {
    const id = await makeTask({ createdBy: manager.id });
    for (const status of ["IN_PROGRESS", "DONE"]) {
      await api("PATCH", `/api/tasks/${id}/`, { token: manager.token, body: { status } });
    }
    const fromStart = await api<ActivityDto[]>("GET", `/api/tasks/${id}/activity/?after=0`, {
      token: manager.token,
    });
    const whole = await api<ActivityDto[]>("GET", `/api/tasks/${id}/activity/`, {
      token: manager.token,
    });
    expect(fromStart.status).toBe(200);
    expect(fromStart.body.length).toBeGreaterThan(0);
    expect(fromStart.body).toEqual(whole.body);
  });

  it("refuses a limit or a starting point that is not a whole number with 400", async () => {
    const id = await makeTask({ createdBy: manager.id });
    for (const query of ["limit=0", "limit=x", "after=-1", "after=1.5"]) {
      const res = await api<{ errors: { field: string }[] }>(
        "GET",
        `/api/tasks/${id}/activity/?${query}`,
        { token: manager.token },
      );
      expect(res.status, query).toBe(400);
      expect(res.body.errors[0]?.field, query).toBe(query.split("=")[0]);
    }
    const capped = await api<ActivityDto[]>("GET", `/api/tasks/${id}/activity/?limit=5000`, {
      token: manager.token,
    });
    expect(capped.status).toBe(200);
  });
});

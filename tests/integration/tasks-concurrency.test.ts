import { describe, expect, it } from "vitest";
import type { ActivityDto } from "@/lib/services/tasks";
import type { TaskDto } from "@/lib/validation/tasks";
import { api } from "../helpers/api";
import { makeTask, makeUser } from "../helpers/factories";

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
});

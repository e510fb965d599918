import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/errors";
import { openTaskCounts } from "@/lib/services/user-workload";
import { actorOf, makeTask, makeUser } from "../helpers/factories";

describe("openTaskCounts (the users page's warning before a deactivation)", () => {
  it("counts each person's assigned tasks that are not done, for admins only", async () => {
    const [admin, manager] = [await makeUser("ADMIN"), await makeUser("MANAGER")];
    const [busy, idle] = [await makeUser("EMPLOYEE"), await makeUser("EMPLOYEE")];
    for (const status of ["TODO", "IN_PROGRESS", "DONE"] as const) {
      await makeTask({ createdBy: manager.id, assignedTo: busy.id, status });
    }
    await makeTask({ createdBy: manager.id, assignedTo: idle.id, status: "DONE" });

    const counts = await openTaskCounts(actorOf(admin), [busy.id, idle.id]);
    expect(counts.get(busy.id)).toBe(2);
    expect(counts.has(idle.id)).toBe(false);
    expect((await openTaskCounts(actorOf(admin), [])).size).toBe(0);
    await expect(openTaskCounts(actorOf(manager), [busy.id])).rejects.toBeInstanceOf(ApiError);
  });
});

import { and, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { tasks } from "@/db/schema";
import type { Role } from "@/lib/domain/enums";
import { canOnTask } from "@/lib/auth/policy";
import { visibleTasks } from "@/lib/services/task-visibility";
import { actorOf, makeTask, makeUser, type TestUser } from "../helpers/factories";

const ROLES: Role[] = ["ADMIN", "MANAGER", "EMPLOYEE"];

let people: Record<Role, TestUser>;
let other: TestUser;
let arranged: { id: number; createdBy: number; assignedTo: number | null }[];

beforeAll(async () => {
  people = {
    ADMIN: await makeUser("ADMIN"),
    MANAGER: await makeUser("MANAGER"),
    EMPLOYEE: await makeUser("EMPLOYEE"),
  };
  other = await makeUser("MANAGER");
  const everyone = [...Object.values(people), other];
  // Every pairing of creator and assignee among them, unassigned included.
  const shapes = everyone.flatMap((creator) =>
    [...everyone.map((u) => u.id), null].map((assignedTo) => ({
      createdBy: creator.id,
      assignedTo,
    })),
  );
  arranged = await Promise.all(
    shapes.map(async (shape) => ({ ...shape, id: await makeTask(shape) })),
  );
});

describe("visibleTasks", () => {
  it.each(ROLES)("selects exactly the tasks the policy lets %s read", async (role) => {
    const actor = actorOf(people[role]);
    const ids = arranged.map((t) => t.id);
    const rows = await db()
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(inArray(tasks.id, ids), visibleTasks(actor)));
    const expected = arranged.filter((t) => canOnTask(actor, "task.read", t)).map((t) => t.id);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(expected.length).toBeGreaterThan(0);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { assigneeFilterOptions } from "@/components/tasks/assignee-options";
import { listAssignableUsers, listAssigneeChoices } from "@/lib/services/users";
import { actorOf, makeUser, type TestUser } from "../helpers/factories";

const tag = `Choice${Date.now().toString(36)}`;
let admin: TestUser;
let manager: TestUser;
let active: TestUser;
let leaver: TestUser;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  manager = await makeUser("MANAGER");
  active = await makeUser("EMPLOYEE", { fullName: `${tag} Active` });
  leaver = await makeUser("EMPLOYEE", { fullName: `${tag} Leaver`, isActive: false });
});

describe("the people an assignee picker can find", () => {
  it("are the active ones matching the words typed, at most the limit asked for", async () => {
    const found = await listAssignableUsers(actorOf(manager), { search: tag, limit: 20 });
    expect(found.map((user) => user.id)).toEqual([active.id]);
    const many = await listAssignableUsers(actorOf(manager), { limit: 1 });
    expect(many).toHaveLength(1);
  });
});

describe("the people the task filters offer", () => {
  it("include deactivated employees for an admin, whose tasks still need finding", async () => {
    const choices = await listAssigneeChoices(actorOf(admin));
    expect(choices).toContainEqual({ id: leaver.id, full_name: leaver.fullName, is_active: false });
    expect(choices).toContainEqual({ id: active.id, full_name: active.fullName, is_active: true });
    expect(choices.some((person) => person.id === admin.id)).toBe(false);
    // The active come first: a long list shows its deactivated people last.
    expect(choices.findIndex((p) => !p.is_active)).toBeGreaterThan(
      choices.findLastIndex((p) => p.is_active),
    );
  });

  it("are the assignable ones for a manager, who may not list deactivated users", async () => {
    const choices = await listAssigneeChoices(actorOf(manager));
    expect(choices.some((person) => person.id === leaver.id)).toBe(false);
    expect(choices).toContainEqual({ id: active.id, full_name: active.fullName, is_active: true });
  });

  it("keep the person the URL filters by, named from the tasks shown, and mark the inactive", () => {
    const choices = [
      { id: 1, full_name: "Ann", is_active: true },
      { id: 2, full_name: "Bob", is_active: false },
    ];
    const tasks = [{ assignee: { id: 9, email: "eve@example.com", full_name: "Eve" } }];
    expect(assigneeFilterOptions(choices, undefined, tasks)).toEqual([
      { value: 1, label: "Ann" },
      { value: 2, label: "Bob (inactive)" },
    ]);
    expect(assigneeFilterOptions(choices, "9", tasks).at(-1)).toEqual({ value: 9, label: "Eve" });
    expect(assigneeFilterOptions(choices, "7", []).at(-1)).toEqual({ value: 7, label: "User #7" });
    expect(assigneeFilterOptions(choices, "2", tasks)).toHaveLength(2);
    expect(assigneeFilterOptions(choices, "abc", tasks)).toHaveLength(2);
  });
});

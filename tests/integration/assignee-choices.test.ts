import { beforeAll, describe, expect, it } from "vitest";
import { assigneeFilter } from "@/components/tasks/assignee-options";
import {
  ASSIGNEE_LIST_LIMIT,
  listAssignableUsers,
  listAssigneeChoices,
} from "@/lib/services/user-queries";
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
    const { people } = await listAssigneeChoices(actorOf(admin));
    expect(people).toContainEqual({
      id: leaver.id,
      email: leaver.email,
      full_name: leaver.fullName,
      is_active: false,
    });
    expect(people).toContainEqual({
      id: active.id,
      email: active.email,
      full_name: active.fullName,
      is_active: true,
    });
    expect(people.some((person) => person.id === admin.id)).toBe(false);
    // The active come first: a long list shows its deactivated people last.
    expect(people.findIndex((p) => !p.is_active)).toBeGreaterThan(
      people.findLastIndex((p) => p.is_active),
    );
  });

  it("are the assignable ones for a manager, who may not list deactivated users", async () => {
    const { people } = await listAssigneeChoices(actorOf(manager));
    expect(people.some((person) => person.id === leaver.id)).toBe(false);
    expect(people).toContainEqual({
      id: active.id,
      email: active.email,
      full_name: active.fullName,
      is_active: true,
    });
  });

  it("say whether the list holds everyone: past the picker's limit, the filter must search", async () => {
    const few = [{ id: 1, email: "ann@example.com", full_name: "Ann", role: "EMPLOYEE" as const }];
    const many = Array.from({ length: ASSIGNEE_LIST_LIMIT }, (_, i) => ({
      id: 1_000_000 + i,
      email: `p${i}@example.com`,
      full_name: `Person ${i}`,
      role: "EMPLOYEE" as const,
    }));
    const choices = (assignable: typeof few) =>
      listAssigneeChoices(actorOf(manager), { assignable });
    expect((await choices(few)).complete).toBe(true);
    expect((await choices(many)).complete).toBe(false);
  });

  it("add the person the filter names when the list leaves them out, if the actor may see them", async () => {
    const beyond = [
      { id: 1_000_000, email: "p@example.com", full_name: "P", role: "EMPLOYEE" as const },
    ];
    const named = async (actor: TestUser, selected: number) =>
      (await listAssigneeChoices(actorOf(actor), { assignable: beyond, selected })).people.filter(
        (person) => person.id === selected,
      );
    expect(await named(manager, active.id)).toEqual([
      { id: active.id, email: active.email, full_name: active.fullName, is_active: true },
    ]);
    expect(await named(manager, leaver.id)).toEqual([]);
    expect(await named(manager, admin.id)).toEqual([]);
    // An admin's list holds the leaver already: named once, not twice.
    expect(await named(admin, leaver.id)).toHaveLength(1);
  });
});

describe("the Assignee filter", () => {
  const people = [
    { id: 1, email: "ann@example.com", full_name: "Ann", is_active: true },
    { id: 2, email: "bob@example.com", full_name: "Bob", is_active: false },
  ];
  const tasks = [{ assignee: { id: 9, email: "eve@example.com", full_name: "Eve" } }];

  it("is a select of everyone while the list is complete, keeping the person the URL names", () => {
    const filter = (selected?: string, shown = tasks) =>
      assigneeFilter({ people, complete: true }, selected, shown);
    expect(filter()).toEqual({
      searchable: false,
      options: [
        { value: 1, label: "Ann" },
        { value: 2, label: "Bob (inactive)" },
      ],
    });
    const options = (selected: string, shown = tasks) => {
      const made = filter(selected, shown);
      return made.searchable ? [] : made.options;
    };
    expect(options("9").at(-1)).toEqual({ value: 9, label: "Eve" });
    expect(options("7", []).at(-1)).toEqual({ value: 7, label: "User #7" });
    expect(options("2")).toHaveLength(2);
    expect(options("abc")).toHaveLength(2);
  });

  it("searches when the list stops short, starting from the person the URL names", () => {
    const filter = (selected?: string) =>
      assigneeFilter({ people, complete: false }, selected, tasks);
    expect(filter()).toEqual({
      searchable: true,
      people: [people[0], { ...people[1], full_name: "Bob (inactive)" }],
      current: null,
    });
    expect(filter("2")).toMatchObject({ current: { id: 2, full_name: "Bob (inactive)" } });
    expect(filter("9")).toMatchObject({
      current: { id: 9, email: "eve@example.com", full_name: "Eve" },
    });
    expect(filter("7")).toMatchObject({ current: { id: 7, email: "", full_name: "User #7" } });
  });
});

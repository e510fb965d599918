import { describe, expect, it } from "vitest";
import { navItemsFor } from "@/components/shell/nav-items";
import { roleMayEnter } from "@/lib/auth/path-rules";
import type { Role } from "@/lib/domain/enums";
import {
  ASSIGNABLE_ROLES,
  can,
  canOnTask,
  limitedToStatusChanges,
  relationsTo,
  taskVisibility,
  type GlobalAction,
  type TaskAction,
} from "@/lib/auth/policy";

const ME = 10;
const SOMEONE = 20;

/** How the caller relates to the task, as task rows. */
const RELATIONS = {
  own: { createdBy: ME, assignedTo: SOMEONE },
  assigned: { createdBy: SOMEONE, assignedTo: ME },
  ownAndAssigned: { createdBy: ME, assignedTo: ME },
  other: { createdBy: SOMEONE, assignedTo: SOMEONE + 1 },
  otherUnassigned: { createdBy: SOMEONE, assignedTo: null },
} as const;
type Relation = keyof typeof RELATIONS;

/** DESIGN.md's permission table, written out cell by cell (not derived from the code under test). */
const EXPECTED: Record<Role, Record<TaskAction, Record<Relation, boolean>>> = {
  ADMIN: {
    "task.read": {
      own: true,
      assigned: true,
      ownAndAssigned: true,
      other: true,
      otherUnassigned: true,
    },
    "task.edit": {
      own: true,
      assigned: true,
      ownAndAssigned: true,
      other: true,
      otherUnassigned: true,
    },
    "task.changeStatus": {
      own: true,
      assigned: true,
      ownAndAssigned: true,
      other: true,
      otherUnassigned: true,
    },
    "task.delete": {
      own: true,
      assigned: true,
      ownAndAssigned: true,
      other: true,
      otherUnassigned: true,
    },
  },
  MANAGER: {
    "task.read": {
      own: true,
      assigned: true,
      ownAndAssigned: true,
      other: false,
      otherUnassigned: false,
    },
    "task.edit": {
      own: true,
      assigned: false,
      ownAndAssigned: true,
      other: false,
      otherUnassigned: false,
    },
    "task.changeStatus": {
      own: true,
      assigned: true,
      ownAndAssigned: true,
      other: false,
      otherUnassigned: false,
    },
    "task.delete": {
      own: true,
      assigned: false,
      ownAndAssigned: true,
      other: false,
      otherUnassigned: false,
    },
  },
  EMPLOYEE: {
    "task.read": {
      own: false,
      assigned: true,
      ownAndAssigned: true,
      other: false,
      otherUnassigned: false,
    },
    "task.edit": {
      own: false,
      assigned: false,
      ownAndAssigned: false,
      other: false,
      otherUnassigned: false,
    },
    "task.changeStatus": {
      own: false,
      assigned: true,
      ownAndAssigned: true,
      other: false,
      otherUnassigned: false,
    },
    "task.delete": {
      own: false,
      assigned: false,
      ownAndAssigned: false,
      other: false,
      otherUnassigned: false,
    },
  },
};

const EXPECTED_GLOBAL: Record<Role, Record<GlobalAction, boolean>> = {
  ADMIN: {
    "task.manage": true,
    "task.create": true,
    "task.bulkCreate": true,
    "task.import": true,
    "task.export": true,
    "user.listAssignable": true,
    "user.listAll": true,
    "user.manage": true,
    "activity.readAll": true,
    "overview.read": true,
  },
  MANAGER: {
    "task.manage": true,
    "task.create": true,
    "task.bulkCreate": true,
    "task.import": true,
    "task.export": true,
    "user.listAssignable": true,
    "user.listAll": false,
    "user.manage": false,
    "activity.readAll": false,
    "overview.read": false,
  },
  EMPLOYEE: {
    "task.manage": false,
    "task.create": false,
    "task.bulkCreate": false,
    "task.import": false,
    "task.export": true,
    "user.listAssignable": false,
    "user.listAll": false,
    "user.manage": false,
    "activity.readAll": false,
    "overview.read": false,
  },
};

describe("task permissions: every role × action × relation", () => {
  for (const [role, actions] of Object.entries(EXPECTED) as [Role, (typeof EXPECTED)[Role]][]) {
    for (const [action, relations] of Object.entries(actions) as [
      TaskAction,
      Record<Relation, boolean>,
    ][]) {
      for (const [relation, allowed] of Object.entries(relations) as [Relation, boolean][]) {
        it(`${role} ${allowed ? "may" : "may not"} ${action} a task that is ${relation}`, () => {
          expect(canOnTask({ id: ME, role }, action, RELATIONS[relation])).toBe(allowed);
        });
      }
    }
  }
});

describe("global permissions", () => {
  for (const [role, actions] of Object.entries(EXPECTED_GLOBAL) as [
    Role,
    Record<GlobalAction, boolean>,
  ][]) {
    it(`${role}: create, import, users and activity as in the table`, () => {
      for (const [action, allowed] of Object.entries(actions) as [GlobalAction, boolean][]) {
        expect(can({ role }, action), `${role} ${action}`).toBe(allowed);
      }
    });
  }
});

describe("policy helpers", () => {
  it("names the relations a caller holds to a task", () => {
    expect(relationsTo(ME, RELATIONS.own)).toEqual(["creator"]);
    expect(relationsTo(ME, RELATIONS.assigned)).toEqual(["assignee"]);
    expect(relationsTo(ME, RELATIONS.ownAndAssigned)).toEqual(["creator", "assignee"]);
    expect(relationsTo(ME, RELATIONS.other)).toEqual([]);
  });

  it("turns visibility into the relations a list query filters by", () => {
    expect(taskVisibility("ADMIN")).toBe("all");
    expect([...(taskVisibility("MANAGER") as string[])].sort()).toEqual(["assignee", "creator"]);
    expect(taskVisibility("EMPLOYEE")).toEqual(["assignee"]);
  });

  it("only employees are limited to status changes", () => {
    expect(limitedToStatusChanges("EMPLOYEE")).toBe(true);
    expect(limitedToStatusChanges("MANAGER")).toBe(false);
    expect(limitedToStatusChanges("ADMIN")).toBe(false);
  });

  it("assignees are managers or employees, never admins", () => {
    expect([...ASSIGNABLE_ROLES].sort()).toEqual(["EMPLOYEE", "MANAGER"]);
  });
});

describe("pages and navigation follow the policy", () => {
  const PAGES: [string, Record<Role, boolean>][] = [
    ["/admin", { ADMIN: true, MANAGER: false, EMPLOYEE: false }],
    ["/admin/users", { ADMIN: true, MANAGER: false, EMPLOYEE: false }],
    ["/admin/activity/", { ADMIN: true, MANAGER: false, EMPLOYEE: false }],
    ["/admin/anything", { ADMIN: true, MANAGER: false, EMPLOYEE: false }],
    ["/board", { ADMIN: true, MANAGER: true, EMPLOYEE: false }],
    ["/tasks/", { ADMIN: true, MANAGER: true, EMPLOYEE: false }],
    ["/tasks/new", { ADMIN: true, MANAGER: true, EMPLOYEE: false }],
    ["/tasks/import", { ADMIN: true, MANAGER: true, EMPLOYEE: false }],
    ["/tasks/12", { ADMIN: true, MANAGER: true, EMPLOYEE: true }],
    ["/my-tasks", { ADMIN: true, MANAGER: true, EMPLOYEE: true }],
    ["/account", { ADMIN: true, MANAGER: true, EMPLOYEE: true }],
  ];
  it.each(PAGES)("%s opens for the roles the policy grants", (path, expected) => {
    for (const role of Object.keys(expected) as Role[]) {
      expect(roleMayEnter(role, path), `${role} ${path}`).toBe(expected[role]);
    }
  });

  it("offers each role the links to the pages it may open, and no others", () => {
    for (const role of ["ADMIN", "MANAGER", "EMPLOYEE"] as const) {
      for (const item of navItemsFor(role)) {
        expect(roleMayEnter(role, item.href), `${role} ${item.href}`).toBe(true);
      }
    }
    expect(navItemsFor("MANAGER").map((i) => i.label)).toEqual([
      "Board",
      "Table",
      "New task",
      "Import",
      "My tasks",
    ]);
    expect(navItemsFor("EMPLOYEE").map((i) => i.label)).toEqual(["My tasks"]);
    // Admins cannot be given tasks: no "My tasks" that would always be empty.
    expect(navItemsFor("ADMIN").map((i) => i.label)).toEqual([
      "Overview",
      "Users",
      "Activity",
      "Board",
      "Table",
      "New task",
      "Import",
    ]);
  });
});

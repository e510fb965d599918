import type { Role } from "@/lib/domain/enums";

/** How the caller relates to a task: they created it, or it is assigned to them. */
export type TaskRelation = "creator" | "assignee";

export type TaskAction = "task.read" | "task.edit" | "task.changeStatus" | "task.delete";
/** `task.manage`: the task-management views (board, table) and changes to many selected tasks. */
export type GlobalAction =
  | "task.manage"
  | "task.create"
  | "task.bulkCreate"
  | "task.import"
  | "task.export"
  | "user.listAssignable"
  | "user.listAll"
  | "user.manage"
  | "activity.readAll"
  | "overview.read";

/** Which relations grant a task action: "all" grants it on every task, [] on none. */
type TaskRule = "all" | readonly TaskRelation[];

/** The permission table of DESIGN.md, as data. Services ask it; nothing else re-implements it. */
export const TASK_POLICY: Record<Role, Record<TaskAction, TaskRule>> = {
  ADMIN: {
    "task.read": "all",
    "task.edit": "all",
    "task.changeStatus": "all",
    "task.delete": "all",
  },
  MANAGER: {
    "task.read": ["creator", "assignee"],
    "task.edit": ["creator"],
    "task.changeStatus": ["creator", "assignee"],
    "task.delete": ["creator"],
  },
  EMPLOYEE: {
    "task.read": ["assignee"],
    "task.edit": [],
    "task.changeStatus": ["assignee"],
    "task.delete": [],
  },
};

export const GLOBAL_POLICY: Record<Role, Record<GlobalAction, boolean>> = {
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

/** Roles an assignee may have. */
export const ASSIGNABLE_ROLES: readonly Role[] = ["MANAGER", "EMPLOYEE"];

export type TaskOwnership = { createdBy: number; assignedTo: number | null };

/** What each bulk action asks of every selected task, on the server and in the bulk bar alike. */
export const BULK_ACTION_POLICY = {
  status: "task.changeStatus",
  priority: "task.edit",
  reassign: "task.edit",
  delete: "task.delete",
} as const satisfies Record<string, TaskAction>;
export type BulkActionKind = keyof typeof BULK_ACTION_POLICY;

export function relationsTo(actorId: number, task: TaskOwnership): TaskRelation[] {
  const relations: TaskRelation[] = [];
  if (task.createdBy === actorId) relations.push("creator");
  if (task.assignedTo === actorId) relations.push("assignee");
  return relations;
}

export function canOnTask(
  actor: { id: number; role: Role },
  action: TaskAction,
  task: TaskOwnership,
): boolean {
  const rule = TASK_POLICY[actor.role][action];
  if (rule === "all") return true;
  return relationsTo(actor.id, task).some((r) => rule.includes(r));
}

export function can(actor: { role: Role }, action: GlobalAction): boolean {
  return GLOBAL_POLICY[actor.role][action];
}

/**
 * The set of tasks an actor may see, for services to turn into SQL:
 * every task, or those where the actor holds one of the listed relations.
 */
export function taskVisibility(role: Role): TaskRule {
  return TASK_POLICY[role]["task.read"];
}

/** Only the status may change: the employee's rule ("You can only update task status."). */
export function limitedToStatusChanges(role: Role): boolean {
  return TASK_POLICY[role]["task.edit"] !== "all" && TASK_POLICY[role]["task.edit"].length === 0;
}

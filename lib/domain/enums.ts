/**
 * The fixed vocabularies of the data: the database's ENUM columns are declared from these, and the
 * browser's code reads them here without pulling in the table definitions.
 */
export const ROLES = ["ADMIN", "MANAGER", "EMPLOYEE"] as const;
export const TASK_STATUSES = ["TODO", "IN_PROGRESS", "DONE"] as const;
/** Declared in ascending urgency: MySQL orders ENUM columns by this position. */
export const TASK_PRIORITIES = ["LOW", "MEDIUM", "HIGH", "URGENT"] as const;
export const ACTIVITY_KINDS = [
  "TASK_CREATED",
  "TASK_UPDATED",
  "TASK_STATUS_CHANGED",
  "TASK_ASSIGNED",
  "TASK_DELETED",
  "TASK_IMPORTED",
  "USER_CREATED",
  "USER_UPDATED",
  "USER_ROLE_CHANGED",
  "USER_DEACTIVATED",
  "USER_REACTIVATED",
  "USER_PASSWORD_RESET",
  "USER_UNLOCKED",
  "USER_SIGNED_OUT",
  "USER_PASSWORD_CHANGED",
] as const;

export type Role = (typeof ROLES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

import type { ActivityKind } from "@/lib/domain/enums";

export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  TASK_CREATED: "Task created",
  TASK_UPDATED: "Task edited",
  TASK_STATUS_CHANGED: "Status changed",
  TASK_ASSIGNED: "Task assigned",
  TASK_DELETED: "Task deleted",
  TASK_IMPORTED: "Tasks imported",
  USER_CREATED: "User created",
  USER_UPDATED: "User edited",
  USER_ROLE_CHANGED: "Role changed",
  USER_DEACTIVATED: "User deactivated",
  USER_REACTIVATED: "User reactivated",
  USER_PASSWORD_RESET: "Password reset",
  USER_UNLOCKED: "Sign-in lockout lifted",
  USER_SIGNED_OUT: "Signed out everywhere",
  USER_PASSWORD_CHANGED: "Own password changed",
};

const FIELD_LABELS: Record<string, string> = {
  full_name: "name",
  is_active: "account",
  assigned_to: "assignee",
  due_date: "due date",
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replaceAll("_", " ");
}

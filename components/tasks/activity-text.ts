import type { ActivityDto } from "@/lib/services/tasks";
import { formatCalendarDay, PRIORITY_LABELS, STATUS_LABELS } from "./labels";

const FIELD_NAMES: Record<string, string> = {
  title: "the title",
  description: "the description",
  status: "the status",
  priority: "the priority",
  due_date: "the due date",
  assigned_to: "the assignee",
};

export type Names = Map<number, string>;

/** A recorded value as people read it: labels for codes, names for user ids. */
export function activityValue(field: string | null, value: string | null, names: Names): string {
  if (value === null || value === "") return "nothing";
  if (field === "status") return STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? value;
  if (field === "priority") return PRIORITY_LABELS[value as keyof typeof PRIORITY_LABELS] ?? value;
  if (field === "assigned_to") return names.get(Number(value)) ?? `user ${value}`;
  if (field === "description") return "a new text";
  if (field === "due_date") return formatCalendarDay(value);
  return `“${value}”`;
}

/** An activity row as a sentence: "changed the status from To do to Done". */
export function describeActivity(item: ActivityDto, names: Names): string {
  switch (item.kind) {
    case "TASK_CREATED":
      return "created the task";
    case "TASK_IMPORTED":
      return "imported the task from a CSV file";
    case "TASK_DELETED":
      return "deleted the task";
    case "TASK_STATUS_CHANGED":
    case "TASK_ASSIGNED":
    case "TASK_UPDATED": {
      if (!item.field) return "saved the task without changes";
      const field = FIELD_NAMES[item.field] ?? item.field;
      if (item.field === "description") return "edited the description";
      return `changed ${field} from ${activityValue(item.field, item.from_value, names)} to ${activityValue(item.field, item.to_value, names)}`;
    }
    default:
      return item.kind.toLowerCase().replaceAll("_", " ");
  }
}

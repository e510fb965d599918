import type { TaskPriority, TaskStatus } from "@/lib/domain/enums";
import type { TaskDto, UserRef } from "@/lib/validation/tasks";

/** Only what a card shows: the board may hold hundreds, so the page sends no more than this. */
export type BoardTask = {
  id: number;
  title: string;
  status: TaskStatus;
  priority: TaskPriority;
  due_date: string | null;
  is_overdue: boolean;
  version: number;
  assignee: UserRef | null;
};

export function toBoardTask(task: TaskDto): BoardTask {
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    priority: task.priority,
    due_date: task.due_date,
    is_overdue: task.is_overdue,
    version: task.version,
    assignee: task.assignee,
  };
}

/**
 * What a task added on the board takes from its filters, so that it stays in view: the filtered
 * assignee (when they may be given tasks) and the one filtered priority. `note` says so.
 */
export type NewTaskDefaults = {
  assigned_to?: number;
  priority?: TaskPriority;
  note: string;
};

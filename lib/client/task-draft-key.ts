/** Where the task form keeps what was typed and not saved (components/task-form/task-draft.ts). */
export const TASK_DRAFT_PREFIX = "etums:task-draft:";

/** One signed-in user's draft of one task, or of a new one: never shown to whoever signs in next. */
export function taskDraftKey(userId: number, taskId: number | null): string {
  return `${TASK_DRAFT_PREFIX}${userId}:${taskId ?? "new"}`;
}

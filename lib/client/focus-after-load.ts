import { withSessionStorage } from "./session-storage";

// Sorting, paging, the page size and the filters load new tasks, during which the table may be
// replaced by the loading state or the whole page reloaded (the filters are a plain GET form): the
// control used is noted here, in this tab's sessionStorage, and takes focus on the new tasks.
const FOCUS_AFTER_LOAD_KEY = "etums:task-table-focus";

/** The line that counts the tasks shown: where focus goes after the filters are applied. */
export const TASK_COUNT_ID = "task-count";
/** The board's line that counts its tasks: where focus goes after the board's filters are applied. */
export const BOARD_COUNT_ID = "board-count";
/** My tasks' line that counts what the filters found. */
export const MY_TASKS_COUNT_ID = "my-tasks-count";
/** The Users page's line that counts the people its filters found. */
export const USERS_COUNT_ID = "users-count";
/** The Activity page's line that counts the events its filters found. */
export const ACTIVITY_COUNT_ID = "activity-count";

/** Notes the element (by id) that should have keyboard focus once the next rows are shown. */
export function focusAfterLoad(id: string): void {
  withSessionStorage((storage) => storage.setItem(FOCUS_AFTER_LOAD_KEY, id));
}

/** The id noted by focusAfterLoad, once: it is forgotten as it is read. */
export function takeFocusAfterLoad(): string | null {
  const id = withSessionStorage((storage) => storage.getItem(FOCUS_AFTER_LOAD_KEY));
  if (id !== null) withSessionStorage((storage) => storage.removeItem(FOCUS_AFTER_LOAD_KEY));
  return id;
}

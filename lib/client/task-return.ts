import { z } from "zod";
import {
  ACTIVITY_COUNT_ID,
  BOARD_COUNT_ID,
  MY_TASKS_COUNT_ID,
  TASK_COUNT_ID,
} from "./focus-after-load";
import { withSessionStorage } from "./session-storage";

/** Where a task's page leads back to, and the line there that takes focus after a Delete. */
export type TaskReturn = { href: string; label: string; countId: string };

/** The pages a task is opened from that are worth going back to, filters and page kept. */
const RETURN_PLACES = {
  "/board": { label: "Back to the board", countId: BOARD_COUNT_ID },
  "/tasks": { label: "Back to the table", countId: TASK_COUNT_ID },
  "/my-tasks": { label: "Back to my tasks", countId: MY_TASKS_COUNT_ID },
  "/admin/activity": { label: "Back to the activity trail", countId: ACTIVITY_COUNT_ID },
} satisfies Record<string, Omit<TaskReturn, "href">>;

type ReturnPath = keyof typeof RETURN_PLACES;

function isReturnPath(path: string): path is ReturnPath {
  return Object.hasOwn(RETURN_PLACES, path);
}

/** The way back to one of those lists, unfiltered: where a task reached some other way leads. */
export function listReturn(path: ReturnPath): TaskReturn {
  return { href: path, ...RETURN_PLACES[path] };
}

const TASK_RETURN_KEY = "etums:task-return";

const storedReturnSchema = z.object({ taskId: z.number(), path: z.string(), search: z.string() });
type StoredReturn = z.infer<typeof storedReturnSchema>;

/**
 * Notes, in this tab, the list a task was opened from. Kept with the task's id, so that a task
 * reached some other way (typed, bookmarked) is not sent back to an older list.
 */
export function noteTaskOpenedFrom(taskId: number, from: { pathname: string; search: string }) {
  if (!isReturnPath(from.pathname)) {
    withSessionStorage((storage) => storage.removeItem(TASK_RETURN_KEY));
    return;
  }
  const stored: StoredReturn = { taskId, path: from.pathname, search: from.search };
  withSessionStorage((storage) => storage.setItem(TASK_RETURN_KEY, JSON.stringify(stored)));
}

/**
 * The list this task was opened from, if it was opened from one in this tab and it is among
 * `openPaths`, the lists the one now signed in may see (the tab may have had another user).
 */
export function taskReturnFor(taskId: number, openPaths: readonly string[]): TaskReturn | null {
  const text = withSessionStorage((storage) => storage.getItem(TASK_RETURN_KEY));
  if (!text) return null;
  const stored = parseStoredReturn(text);
  if (!stored || stored.taskId !== taskId) return null;
  // Only a known path and a query string: nothing stored can lead off the site.
  if (!isReturnPath(stored.path) || !openPaths.includes(stored.path)) return null;
  if (stored.search !== "" && !stored.search.startsWith("?")) return null;
  const place = listReturn(stored.path);
  return { ...place, href: place.href + stored.search };
}

function parseStoredReturn(text: string): StoredReturn | null {
  try {
    return storedReturnSchema.safeParse(JSON.parse(text)).data ?? null;
  } catch {
    return null;
  }
}

import { withSessionStorage } from "@/lib/client/session-storage";

/**
 * What was typed in a task's form and not saved, kept for the tab's session. Leaving the page
 * inside the app (a link, Back) unmounts the form, and the browser asks first only before the tab
 * closes or reloads: the draft brings the typing back when the user returns. It belongs to one
 * version of the task: once anyone saves it, the draft is dropped rather than laid over new text.
 */
type StoredDraft<V> = { version: number; values: V };

const PREFIX = "etums:task-draft:";

/** One signed-in user's draft of one task, or of a new one: never shown to whoever signs in next. */
export function taskDraftKey(userId: number, taskId: number | null): string {
  return `${PREFIX}${userId}:${taskId ?? "new"}`;
}

/** The draft's values if one was kept for this version of the task; any other is dropped. */
export function readTaskDraft<V>(key: string, version: number): V | null {
  const raw = withSessionStorage((storage) => storage.getItem(key));
  if (raw === null) return null;
  try {
    const draft = JSON.parse(raw) as StoredDraft<V>;
    if (draft.version === version) return draft.values;
  } catch {
    // Not a draft this code wrote: dropped below.
  }
  dropTaskDraft(key);
  return null;
}

export function keepTaskDraft<V>(key: string, version: number, values: V): void {
  const draft: StoredDraft<V> = { version, values };
  withSessionStorage((storage) => storage.setItem(key, JSON.stringify(draft)));
}

export function dropTaskDraft(key: string): void {
  withSessionStorage((storage) => storage.removeItem(key));
}

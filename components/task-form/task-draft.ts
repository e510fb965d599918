import { z } from "zod";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/db/schema";
import { withSessionStorage } from "@/lib/client/session-storage";
import { TASK_DRAFT_PREFIX } from "@/lib/client/task-draft-key";

/**
 * What was typed in a task's form and not saved, kept for the tab's session. Leaving the page
 * inside the app (a link, Back) unmounts the form, and the browser asks first only before the tab
 * closes or reloads: the draft brings the typing back when the user returns. It belongs to one
 * version of the task: once anyone saves it, the draft is dropped rather than laid over new text.
 * The chosen assignee is kept as a person, for the field to name them even if the page's list of
 * people does not hold them (found by a search).
 */
const taskDraftSchema = z.object({
  version: z.number().int(),
  values: z.object({
    title: z.string(),
    description: z.string(),
    status: z.enum(TASK_STATUSES),
    priority: z.enum(TASK_PRIORITIES),
    due_date: z.string().nullable(),
    assigned_to: z.number().int().nullable(),
  }),
  assignee: z.object({ id: z.number().int(), email: z.string(), full_name: z.string() }).nullable(),
});

export type TaskDraft = z.infer<typeof taskDraftSchema>;
export type TaskDraftValues = TaskDraft["values"];

/** The draft kept for this version of the task, if any; any other (or unreadable) is dropped. */
export function readTaskDraft(key: string, version: number): TaskDraft | null {
  const raw = withSessionStorage((storage) => storage.getItem(key));
  if (raw === null) return null;
  let draft: TaskDraft | null = null;
  try {
    const parsed = taskDraftSchema.safeParse(JSON.parse(raw));
    if (parsed.success && parsed.data.version === version) draft = parsed.data;
  } catch {
    draft = null;
  }
  if (!draft) dropTaskDraft(key);
  return draft;
}

export function keepTaskDraft(key: string, draft: TaskDraft): void {
  withSessionStorage((storage) => storage.setItem(key, JSON.stringify(draft)));
}

export function dropTaskDraft(key: string): void {
  withSessionStorage((storage) => storage.removeItem(key));
}

/** Signing out leaves no one's typing in the tab (a shared computer). */
export function dropEveryTaskDraft(): void {
  withSessionStorage((storage) => {
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i));
    for (const key of keys) if (key?.startsWith(TASK_DRAFT_PREFIX)) storage.removeItem(key);
  });
}

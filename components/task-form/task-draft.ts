import { z } from "zod";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/domain/enums";
import { withSessionStorage } from "@/lib/client/session-storage";
import { TASK_DRAFT_PREFIX } from "@/lib/client/task-draft-key";

/**
 * What was typed in a task's form and not saved, kept for the tab's session. Leaving the page
 * inside the app (a link, Back) unmounts the form, and the browser asks first only before the tab
 * closes or reloads: the draft brings the typing back when the user returns. It belongs to one
 * version of the task, and names the fields the user changed in it: once anyone saves the task,
 * the draft is offered, never laid over the new version unasked. The chosen assignee is kept as a
 * person, for the field to name them even if the page's list of people does not hold them.
 */
export const DRAFT_FIELDS = [
  "title",
  "description",
  "status",
  "priority",
  "due_date",
  "assigned_to",
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

const taskDraftSchema = z.object({
  version: z.number().int(),
  changed: z.array(z.enum(DRAFT_FIELDS)),
  values: z.object({
    title: z.string(),
    description: z.string(),
    status: z.enum(TASK_STATUSES),
    priority: z.enum(TASK_PRIORITIES),
    due_date: z.string().nullable(),
    assigned_to: z.number().int().nullable(),
  }),
  assignee: z.object({ id: z.number().int(), email: z.string(), full_name: z.string() }).nullable(),
  /**
   * The due date was left typed in part: the input then holds no value, so the draft keeps the
   * task's own date instead and says so, lest the part be restored as "no due date".
   */
  due_date_unfinished: z.boolean().optional(),
});

export type TaskDraft = z.infer<typeof taskDraftSchema>;
export type TaskDraftValues = TaskDraft["values"];

/**
 * The draft kept for this task: of this version, or `outdated` when the task has been saved since
 * (kept until the user applies or discards it). One that is unreadable or changed nothing is
 * dropped; an unfinished due date alone counts only for the version it was typed in.
 */
export function readTaskDraft(
  key: string,
  version: number,
): { draft: TaskDraft; outdated: boolean } | null {
  const raw = withSessionStorage((storage) => storage.getItem(key));
  if (raw === null) return null;
  let draft: TaskDraft | null = null;
  try {
    const parsed = taskDraftSchema.safeParse(JSON.parse(raw));
    const kept = parsed.success ? parsed.data : null;
    const unfinishedHere = kept?.due_date_unfinished === true && kept.version === version;
    if (kept && kept.version <= version && (kept.changed.length > 0 || unfinishedHere)) {
      draft = kept;
    }
  } catch {
    draft = null;
  }
  if (!draft) {
    dropTaskDraft(key);
    return null;
  }
  return { draft, outdated: draft.version < version };
}

/** `values` with the fields `draft` changed taken from it: the draft laid over a newer version. */
export function overlaidValues(values: TaskDraftValues, draft: TaskDraft): TaskDraftValues {
  const overlaid = { ...values };
  for (const field of draft.changed) Object.assign(overlaid, { [field]: draft.values[field] });
  return overlaid;
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

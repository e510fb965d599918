import { TASK_STATUSES, type TaskPriority, type TaskStatus } from "@/db/schema";

export const STATUS_LABELS: Record<TaskStatus, string> = {
  TODO: "To do",
  IN_PROGRESS: "In progress",
  DONE: "Done",
};

export const PRIORITY_LABELS: Record<TaskPriority, string> = {
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
  URGENT: "Urgent",
};

/**
 * "Maria Manager" → "Maria M.": short enough for a card, and unlike initials it tells Maria
 * Manager from Mike Morales. Falls back to the e-mail's local part.
 */
export function shortName(fullName: string, email = ""): string {
  const [first, ...rest] = fullName.split(/\s+/).filter(Boolean);
  if (!first) return email.split("@")[0] || "?";
  const last = rest.at(-1);
  return last ? `${first} ${last[0]!.toUpperCase()}.` : first;
}

/**
 * A calendar day (a due date, a week's Monday) as people read it, e.g. "3 Dec 2026": a day, not
 * an instant, so no time zone moves it.
 */
export function formatCalendarDay(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** A task action's 404, in the dashboard's words: the task went while the page was open. */
export const TASK_GONE =
  "This task is no longer there for you: it was deleted or given to someone else.";

/** A title as a toast names it: long enough to recognise, short enough to read at a glance. */
export function toastTitle(title: string): string {
  return title.length > TOAST_TITLE_MAX
    ? `${title.slice(0, TOAST_TITLE_MAX - 1).trimEnd()}…`
    : title;
}
const TOAST_TITLE_MAX = 60;

/** A task action's 412, in the dashboard's words: `where` ("the board") now shows the task as it is. */
export const taskChangedMeanwhile = (title: string, where: string) =>
  `“${toastTitle(title)}” was changed by someone else meanwhile; ${where} was reloaded.`;

/** The statuses of work still to do, as one filter choice (the API reads a comma-separated list). */
export const OPEN_STATUSES = TASK_STATUSES.filter((status) => status !== "DONE").join(",");

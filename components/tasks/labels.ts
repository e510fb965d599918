import { TASK_STATUSES, type TaskPriority, type TaskStatus } from "@/lib/domain/enums";
import type { FilterOption } from "@/components/ui/filter-field";
import type { UserRef } from "@/lib/validation/tasks";

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
  return nameWithFamilyLetters(fullName, email, 1);
}

/** First name and the family name's first `letters` letters ("Maria Ma."); whole when it is shorter. */
function nameWithFamilyLetters(fullName: string, email: string, letters: number): string {
  const [first, ...rest] = fullName.split(/\s+/).filter(Boolean);
  if (!first) return email.split("@")[0] || "?";
  const last = rest.at(-1);
  if (!last) return first;
  const family = Array.from(last);
  if (family.length <= letters) return `${first} ${last}`;
  const shown = family.slice(0, letters).join("");
  return `${first} ${shown[0]!.toUpperCase()}${shown.slice(1)}.`;
}

/**
 * Short names for everyone shown together, each telling its person apart: "Maria Ma." and "Maria
 * Mo." where both would be "Maria M.", and the e-mail's local part beside two identical names.
 */
export function distinctShortNames(people: readonly UserRef[]): Map<number, string> {
  const labels = new Map<number, string>();
  for (const group of groupBy(people, (p) => shortName(p.full_name, p.email))) {
    const longest = Math.max(...group.map((p) => p.full_name.length));
    let letters = 1;
    let named = group.map((p) => shortName(p.full_name, p.email));
    // "Maria Mo." and "Maria Mo" read alike: distinct means distinct without the dot.
    const undotted = () => new Set(named.map((name) => name.replace(/\.$/, ""))).size;
    while (undotted() < named.length && letters < longest) {
      letters += 1;
      named = group.map((p) => nameWithFamilyLetters(p.full_name, p.email, letters));
    }
    const counts = countOf(named);
    group.forEach((person, i) => {
      const name = named[i]!;
      const local = person.email.split("@")[0];
      labels.set(person.id, counts.get(name)! > 1 && local ? `${name} (${local})` : name);
    });
  }
  return labels;
}

/** One entry per distinct id, grouped by `key`. */
function groupBy(people: readonly UserRef[], key: (person: UserRef) => string): UserRef[][] {
  const groups = new Map<string, Map<number, UserRef>>();
  for (const person of people) {
    const group = groups.get(key(person)) ?? new Map<number, UserRef>();
    group.set(person.id, person);
    groups.set(key(person), group);
  }
  return [...groups.values()].map((group) => [...group.values()]);
}

function countOf(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
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

/** A bulk action's 404: one of the selected tasks went while the page was open. */
export const SELECTED_TASK_GONE =
  "One of the selected tasks is no longer there for you: it was deleted or given to someone else. Nothing was changed; choose again from the reloaded list.";

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
/** The status filters' own name for them. */
export const OPEN_CHOICE: FilterOption = { value: OPEN_STATUSES, label: "Open (not done)" };

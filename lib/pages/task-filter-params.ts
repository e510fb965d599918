import { taskFilterQuerySchema, type TaskListQuery } from "@/lib/validation/task-query";

type FilterName = keyof typeof taskFilterQuerySchema.shape;
const FILTER_NAMES = Object.keys(taskFilterQuerySchema.shape) as FilterName[];

/**
 * A list's filters as the page applied them, as address parameters: every filter the list used
 * (several statuses joined by commas), values it ignored as invalid left out. What the page's
 * links, its "select all matching" and its export carry, so that none of them reaches other tasks
 * than the list shows. `names` narrows them to the filters a page offers (not its own scope).
 */
export function appliedTaskFilters(
  query: TaskListQuery,
  names: readonly FilterName[] = FILTER_NAMES,
): Record<string, string> {
  const applied: Record<string, string> = {};
  for (const name of names) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    applied[name] = Array.isArray(value) ? value.join(",") : String(value);
  }
  return applied;
}

/** The CSV export of the tasks a page lists (a page's own scope included). */
export function taskExportHref(query: TaskListQuery): string {
  const text = new URLSearchParams(appliedTaskFilters(query)).toString();
  return `/api/tasks/export/${text ? `?${text}` : ""}`;
}

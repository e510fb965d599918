import { taskFilterQuerySchema, type TaskListQuery } from "@/lib/validation/task-query";

const FILTER_NAMES = Object.keys(taskFilterQuerySchema.shape) as (keyof TaskListQuery)[];

/**
 * The CSV export of the tasks a page lists: its filters as the page applied them (a page's own
 * scope included, values it ignored as invalid left out), never its raw address.
 */
export function taskExportHref(query: TaskListQuery): string {
  const search = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    search.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  const text = search.toString();
  return `/api/tasks/export/${text ? `?${text}` : ""}`;
}

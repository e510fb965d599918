import {
  taskListQuerySchema,
  taskListQueryValues,
  type TaskListQuery,
} from "@/lib/validation/task-query";
import { ignoredFiltersMessage, parseLeavingOutInvalid } from "./lenient-query";
import { toQueryString, type PageSearchParams } from "./search-params";

/** The task filters as the pages' boxes name them. */
const TASK_FILTER_LABELS: Record<string, string> = {
  status: "Status",
  priority: "Priority",
  assigned_to: "Assignee",
  created_by: "Manager",
  overdue: "Overdue only",
  search: "Text",
  due_before: "Due until",
  due_after: "Due from",
  page: "Page",
  page_size: "Rows per page",
  ordering: "Sort",
  cursor: "Cursor",
};

/**
 * A page's URL filters, parsed by the API's own query schema. An invalid value (a hand-edited URL)
 * is left out and named, while the other filters still apply, instead of an error page.
 */
export function pageTaskQuery(
  params: PageSearchParams,
  overrides: Record<string, string> = {},
): { query: TaskListQuery; invalid: string | null } {
  const search = new URLSearchParams(toQueryString(params));
  for (const [name, value] of Object.entries(overrides)) search.set(name, value);
  const { data, ignored } = parseLeavingOutInvalid(
    taskListQuerySchema,
    taskListQueryValues(search),
  );
  return { query: data, invalid: ignoredFiltersMessage(ignored, TASK_FILTER_LABELS) };
}

import { ApiError } from "@/lib/http/errors";
import { parseTaskListQuery, type TaskListQuery } from "@/lib/validation/task-query";
import { toQueryString, type PageSearchParams } from "./search-params";

/**
 * A page's URL filters, parsed by the API's own query schema. An invalid value (a hand-edited URL)
 * falls back to no filter and says so, instead of an error page.
 */
export function pageTaskQuery(
  params: PageSearchParams,
  overrides: Record<string, string> = {},
): { query: TaskListQuery; invalid: string | null } {
  const search = new URLSearchParams(toQueryString(params));
  for (const [name, value] of Object.entries(overrides)) search.set(name, value);
  try {
    return { query: parseTaskListQuery(search), invalid: null };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return {
      query: parseTaskListQuery(new URLSearchParams(overrides)),
      invalid: "Some filters in the address were not valid and were ignored.",
    };
  }
}

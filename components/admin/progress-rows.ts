import type { Progress } from "@/lib/services/overview";

/** How many people a progress list draws: a company of thousands would be a page of bars. */
export const PROGRESS_ROWS_SHOWN = 15;

/**
 * The rows a progress list draws: all of them when they fit, else those with the most work still
 * open (ties by name), which is what an admin scans such a list for.
 */
export function rowsToShow(rows: Progress[], limit = PROGRESS_ROWS_SHOWN): Progress[] {
  if (rows.length <= limit) return rows;
  return [...rows]
    .sort((a, b) => b.total - b.done - (a.total - a.done) || a.full_name.localeCompare(b.full_name))
    .slice(0, limit);
}

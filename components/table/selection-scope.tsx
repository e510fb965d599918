"use client";

import { MAX_BULK_TASKS } from "@/lib/validation/task-bulk";

/** A list longer than its page, all of whose shown rows are selected: what "all matching" means. */
export type MatchingTasks = { count: number; query: string };

/**
 * Widens a whole page's selection to every matching task, or narrows it back to the page. One
 * button whose words change, so that keyboard focus stays on it.
 */
export function SelectionScope({
  everyMatch,
  onPage,
  matching,
  onChange,
}: {
  everyMatch: boolean;
  onPage: number;
  matching: MatchingTasks;
  onChange: (everyMatch: boolean) => void;
}) {
  if (matching.count > MAX_BULK_TASKS) {
    return (
      <p>
        All {onPage} on this page are selected. {matching.count} tasks match: a bulk change takes at
        most {MAX_BULK_TASKS}, so narrow the filters to change them all.
      </p>
    );
  }
  return (
    <p>
      {everyMatch ? null : `All ${onPage} on this page are selected. `}
      <button type="button" className="underline" onClick={() => onChange(!everyMatch)}>
        {everyMatch
          ? `Select only the ${onPage} on this page`
          : `Select all ${matching.count} matching tasks`}
      </button>
    </p>
  );
}

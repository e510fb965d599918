"use client";

import { MAX_BULK_TASKS } from "@/lib/validation/task-bulk";

/** A list longer than its page, all of whose shown rows are selected: what "all matching" means. */
export type MatchingTasks = { count: number; query: string };

/**
 * Widens a whole page's selection to every matching task, or narrows it back to the page. One
 * button whose words change, so that keyboard focus stays on it; busy while the tasks are found.
 */
export function SelectionScope({
  everyMatch,
  onPage,
  matching,
  pending,
  onChange,
}: {
  everyMatch: boolean;
  onPage: number;
  matching: MatchingTasks;
  pending: boolean;
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
      <button
        type="button"
        className="underline aria-disabled:cursor-wait aria-disabled:opacity-70"
        aria-disabled={pending || undefined}
        onClick={() => (pending ? undefined : onChange(!everyMatch))}
      >
        {pending
          ? "Finding the matching tasks…"
          : everyMatch
            ? `Select only the ${onPage} on this page`
            : `Select all ${matching.count} matching tasks`}
      </button>
    </p>
  );
}

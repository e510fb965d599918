import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { Progress } from "@/lib/services/overview";
import { rowsToShow } from "./progress-rows";

/**
 * Done/total per person: a bar for the eye, the same numbers in text for everyone. Each name leads
 * to that person's tasks in the task table (`filter`: the table's filter for this list's people).
 */
export function ProgressList({
  title,
  rows,
  filter,
  moreHref,
  moreLabel,
}: {
  title: string;
  rows: Progress[];
  filter: "created_by" | "assigned_to";
  /** Where everyone's work can be seen, when the list draws only some of them. */
  moreHref?: string;
  moreLabel?: string;
}) {
  const shown = rowsToShow(rows);
  const headingId = `${title.toLowerCase().replace(/\W+/g, "-")}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <EmptyState title="No tasks yet." />
      ) : (
        <ul className="space-y-3">
          {shown.map((row) => {
            const percent = row.total === 0 ? 0 : Math.round((row.done / row.total) * 100);
            return (
              <li key={row.id ?? "none"}>
                <div className="flex flex-wrap justify-between gap-2 text-sm">
                  {row.id === null ? (
                    <span className="font-medium wrap-anywhere">{row.full_name}</span>
                  ) : (
                    <Link
                      href={`/tasks?${filter}=${row.id}`}
                      className="font-medium wrap-anywhere text-brand-700 underline-offset-2 hover:underline"
                    >
                      {row.full_name}
                    </Link>
                  )}
                  <span className="text-slate-700">
                    {row.done} / {row.total} done ({percent}%)
                  </span>
                </div>
                <div aria-hidden="true" className="mt-1 h-2 overflow-hidden rounded bg-slate-200">
                  <div className="h-full rounded bg-brand-600" style={{ width: `${percent}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {shown.length < rows.length ? (
        <p className="mt-3 text-sm text-slate-700">
          The {shown.length} with the most open tasks, of {rows.length}.{" "}
          {moreHref ? (
            <Link href={moreHref} className="underline">
              {moreLabel}
            </Link>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}

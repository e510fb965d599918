import { countOf } from "@/lib/text/count-of";
import type { WeekCount } from "@/lib/services/overview";
import { formatCalendarDay } from "@/components/tasks/labels";

const BAR_WIDTH = 28;
const GAP = 12;
const HEIGHT = 120;
/** Room above the bars for the counts, and below them for the week labels. */
const TOP = 14;
const BOTTOM = 18;
const SHORT_DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

/** Tasks completed per week: an SVG bar chart, with the same figures as a table beneath it. */
export function WeeklyChart({ weeks }: { weeks: WeekCount[] }) {
  const best = Math.max(0, ...weeks.map((w) => w.completed));
  const max = Math.max(1, best);
  const width = weeks.length * (BAR_WIDTH + GAP);
  const total = weeks.reduce((sum, w) => sum + w.completed, 0);
  const summary = `${countOf(total, "task")} completed in the last ${weeks.length} weeks; the busiest week had ${best}.`;
  return (
    <section
      aria-labelledby="weekly-heading"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="weekly-heading" className="mb-3 text-lg font-semibold">
        Tasks completed per week
      </h2>
      <figure>
        <svg
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${width} ${TOP + HEIGHT + BOTTOM}`}
          className="h-40 w-full max-w-xl"
          preserveAspectRatio="xMinYMax meet"
        >
          {weeks.map((week, i) => {
            const height = Math.round((week.completed / max) * HEIGHT);
            const x = i * (BAR_WIDTH + GAP) + GAP / 2;
            return (
              <g key={week.week_start}>
                <rect
                  x={x}
                  y={TOP + HEIGHT - height}
                  width={BAR_WIDTH}
                  height={height}
                  rx={3}
                  className="fill-brand-600"
                />
                <text
                  x={x + BAR_WIDTH / 2}
                  y={TOP + HEIGHT - height - 4}
                  textAnchor="middle"
                  className="fill-slate-800 text-[10px]"
                >
                  {week.completed}
                </text>
                <text
                  x={x + BAR_WIDTH / 2}
                  y={TOP + HEIGHT + 13}
                  textAnchor="middle"
                  className="fill-slate-600 text-[8px]"
                >
                  {SHORT_DATE.format(new Date(`${week.week_start}T00:00:00Z`))}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption className="mt-1 text-sm text-slate-600">{summary}</figcaption>
      </figure>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium">
          Show the figures as a table
        </summary>
        <table className="mt-2 text-left text-sm">
          <caption className="sr-only">Tasks completed per week</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-6">
                Week starting (Monday)
              </th>
              <th scope="col">Completed</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.week_start}>
                <td className="pr-6">{formatCalendarDay(week.week_start)}</td>
                <td>{week.completed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

import { formatCalendarDay } from "./labels";

/**
 * A due date; an overdue one is red, bold and says so in words (not by colour alone). `named`:
 * it says "Due" to screen readers, unless something beside it already does.
 */
export function DueDate({
  date,
  overdue,
  named = true,
}: {
  date: string | null;
  overdue: boolean;
  named?: boolean;
}) {
  if (!date) return <span className="text-xs text-slate-600">No due date</span>;
  return (
    <span className={`text-xs ${overdue ? "font-semibold text-red-700" : "text-slate-700"}`}>
      {named ? <span className="sr-only">Due </span> : null}
      <time dateTime={date}>{formatCalendarDay(date)}</time>
      {overdue ? " · Overdue" : null}
    </span>
  );
}

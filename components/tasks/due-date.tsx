import { formatCalendarDay } from "./labels";

/**
 * A due date; an overdue one is red, bold and says so in words (not by colour alone). `named`:
 * it says "Due" to screen readers, unless something beside it already does. `small`: in a card or
 * a table cell; among the task's facts it is the size of the others.
 */
export function DueDate({
  date,
  overdue,
  named = true,
  small = true,
}: {
  date: string | null;
  overdue: boolean;
  named?: boolean;
  small?: boolean;
}) {
  const size = small ? "text-xs" : "";
  if (!date) return <span className={`${size} text-slate-600`}>No due date</span>;
  return (
    <span className={`${size} ${overdue ? "font-semibold text-red-700" : "text-slate-700"}`}>
      {named ? <span className="sr-only">Due </span> : null}
      <time dateTime={date}>{formatCalendarDay(date)}</time>
      {overdue ? " · Overdue" : null}
    </span>
  );
}

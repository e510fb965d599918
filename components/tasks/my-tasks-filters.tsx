import Link from "next/link";
import { TASK_STATUSES } from "@/db/schema";
import {
  buttonPrimary,
  buttonSecondary,
  inputClass,
  labelClass,
} from "@/components/ui/button-styles";
import { STATUS_LABELS } from "./labels";

type Props = { status?: string; dueAfter?: string; dueBefore?: string };

/** A plain GET form: the filters live in the URL and work without JavaScript. */
export function MyTasksFilters({ status, dueAfter, dueBefore }: Props) {
  return (
    <form
      method="get"
      aria-label="Filter my tasks"
      className="mb-6 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 sm:items-end"
    >
      <div>
        <label htmlFor="filter-status" className={labelClass}>
          Status
        </label>
        <select id="filter-status" name="status" defaultValue={status ?? ""} className={inputClass}>
          <option value="">Any status</option>
          {TASK_STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-due-after" className={labelClass}>
          Due from
        </label>
        <input
          id="filter-due-after"
          type="date"
          name="due_after"
          defaultValue={dueAfter}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="filter-due-before" className={labelClass}>
          Due until
        </label>
        <input
          id="filter-due-before"
          type="date"
          name="due_before"
          defaultValue={dueBefore}
          className={inputClass}
        />
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonPrimary}>
          Apply
        </button>
        <Link href="/my-tasks" className={buttonSecondary}>
          Clear
        </Link>
      </div>
    </form>
  );
}

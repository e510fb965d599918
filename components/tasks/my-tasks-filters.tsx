import Link from "next/link";
import { TASK_STATUSES } from "@/db/schema";
import { buttonPrimary, buttonSecondary } from "@/components/ui/button-styles";
import { FilterInput, FilterSelect, labelledOptions } from "@/components/ui/filter-field";
import { MY_TASKS_COUNT_ID } from "@/lib/client/focus-after-load";
import { FilterForm } from "./filter-form";
import { OPEN_STATUSES, STATUS_LABELS } from "./labels";

type Props = { status?: string; dueAfter?: string; dueBefore?: string; overdue: boolean };

/** A GET form: the filters live in the URL and work without JavaScript. */
export function MyTasksFilters({ status, dueAfter, dueBefore, overdue }: Props) {
  return (
    <FilterForm
      // Remounted when the URL's filters change by a link (see TaskFilters).
      key={JSON.stringify({ status, dueAfter, dueBefore, overdue })}
      resultsId={MY_TASKS_COUNT_ID}
      method="get"
      aria-label="Filter my tasks"
      className="mb-6 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5 sm:items-end"
    >
      <FilterSelect
        label="Status"
        id="filter-status"
        name="status"
        defaultValue={status}
        anyLabel="Any status"
        options={[
          ...labelledOptions(TASK_STATUSES, STATUS_LABELS),
          { value: OPEN_STATUSES, label: "Open (not done)" },
        ]}
      />
      <FilterInput
        label="Due from"
        id="filter-due-after"
        type="date"
        name="due_after"
        defaultValue={dueAfter}
      />
      <FilterInput
        label="Due until"
        id="filter-due-before"
        type="date"
        name="due_before"
        defaultValue={dueBefore}
      />
      <div className="flex items-center gap-2 sm:pb-2">
        <input
          id="filter-overdue"
          type="checkbox"
          name="overdue"
          value="true"
          defaultChecked={overdue}
          className="h-4 w-4"
        />
        <label htmlFor="filter-overdue" className="text-sm font-medium text-slate-800">
          Overdue only
        </label>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonPrimary}>
          Apply
        </button>
        <Link href="/my-tasks" className={buttonSecondary}>
          Clear
        </Link>
      </div>
    </FilterForm>
  );
}

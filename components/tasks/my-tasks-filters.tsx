import Link from "next/link";
import { SEARCH_MAX } from "@/lib/validation/search-terms";
import { TASK_STATUSES } from "@/lib/domain/enums";
import { buttonPrimary, buttonSecondary } from "@/components/ui/button-styles";
import { codeChoices, FilterInput, FilterSelect } from "@/components/ui/filter-field";
import { MY_TASKS_COUNT_ID } from "@/lib/client/focus-after-load";
import { FilterForm } from "@/components/ui/filter-form";
import { OPEN_CHOICE, STATUS_LABELS } from "./labels";

type Props = {
  status?: string;
  dueAfter?: string;
  dueBefore?: string;
  overdue: boolean;
  search?: string;
  ordering: string;
};

/** My tasks' own order, when the address names none: what is due soonest leads. */
export const MY_TASKS_ORDERING = "due_date";
/** The orders an employee picks from besides it. */
const ORDERINGS = [
  { value: "-priority", label: "Most urgent" },
  { value: "-updated_at", label: "Recently changed" },
  { value: "title", label: "Title, A to Z" },
];

/** A GET form: the filters live in the URL and work without JavaScript. */
export function MyTasksFilters({ status, dueAfter, dueBefore, overdue, search, ordering }: Props) {
  const statusChoice = codeChoices(TASK_STATUSES, STATUS_LABELS, status, [OPEN_CHOICE]);
  return (
    <FilterForm
      // Remounted when the URL's filters change by a link (see TaskFilters).
      key={JSON.stringify({ status, dueAfter, dueBefore, overdue, search, ordering })}
      resultsId={MY_TASKS_COUNT_ID}
      applied={[status, dueAfter, dueBefore, overdue, search].filter(Boolean).length}
      method="get"
      aria-label="Filter my tasks"
      className="mb-6 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 sm:items-end lg:grid-cols-4"
    >
      <FilterInput
        label="Text"
        id="filter-search"
        type="search"
        name="search"
        defaultValue={search}
        maxLength={SEARCH_MAX}
      />
      <FilterSelect
        label="Status"
        id="filter-status"
        name="status"
        defaultValue={statusChoice.value}
        anyLabel="Any status"
        options={statusChoice.options}
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
      <FilterSelect
        label="Sort"
        id="filter-ordering"
        name="ordering"
        defaultValue={ordering === MY_TASKS_ORDERING ? "" : ordering}
        anyLabel="Due soonest"
        options={ORDERINGS}
      />
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

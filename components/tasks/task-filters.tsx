import Link from "next/link";
import { SEARCH_MAX } from "@/lib/validation/search-terms";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/domain/enums";
import { nameOf, type AssigneeFilter } from "@/components/tasks/assignee-options";
import { AssigneeFilterField } from "@/components/tasks/assignee-filter-field";
import { CreatorFilterNote } from "@/components/tasks/creator-filter-note";
import { FilterForm } from "@/components/ui/filter-form";
import { OPEN_CHOICE, PRIORITY_LABELS, STATUS_LABELS } from "@/components/tasks/labels";
import { buttonPrimary, buttonSecondary } from "@/components/ui/button-styles";
import {
  codeChoices,
  FilterInput,
  FilterSelect,
  type FilterOption,
} from "@/components/ui/filter-field";

/** A manager to filter by creator; only admins get the list. */
export type ManagerOption = { id: number; full_name: string; is_active: boolean };

export type TaskFilterValues = {
  status?: string;
  assigned_to?: string;
  created_by?: string;
  priority?: string;
  overdue?: boolean;
  search?: string;
};

function managerOption(manager: ManagerOption): FilterOption {
  return { value: manager.id, label: nameOf(manager) };
}

/** A GET form, so every filter lives in the URL: shareable, and kept on reload. */
export function TaskFilters({
  assignees,
  managers,
  values,
  action,
  withStatus = false,
  keep = {},
  resultsId,
  creatorName,
}: {
  /** The Assignee filter (assigneeFilter): a select, or a picker that searches. */
  assignees: AssigneeFilter;
  /** Given only to admins: adds the "Manager" filter (tasks created by that manager). */
  managers?: ManagerOption[];
  values: TaskFilterValues;
  action: string;
  withStatus?: boolean;
  /** Other URL state (sorting, page size) that applying filters keeps. */
  keep?: Record<string, string>;
  /** The element that says what the filters found: keyboard focus goes there after Apply. */
  resultsId?: string;
  /** Who `values.created_by` names, for a form without the Manager field. */
  creatorName?: string;
}) {
  const status = codeChoices(TASK_STATUSES, STATUS_LABELS, values.status, [OPEN_CHOICE]);
  const priority = codeChoices(TASK_PRIORITIES, PRIORITY_LABELS, values.priority);
  return (
    <FilterForm
      resultsId={resultsId}
      applied={Object.values(values).filter(Boolean).length}
      // Links (Clear, the count cards) change the URL without reloading: a new key makes the
      // uncontrolled fields show the filters of the new URL instead of the last ones typed.
      key={JSON.stringify({ values, keep })}
      method="get"
      action={action}
      aria-label="Filter tasks"
      className="mb-6 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
    >
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FilterInput
        label="Text"
        id="filter-search"
        type="search"
        name="search"
        defaultValue={values.search}
        placeholder="Title or description"
        maxLength={SEARCH_MAX}
      />
      {assignees.searchable ? (
        <AssigneeFilterField people={assignees.people} current={assignees.current} />
      ) : (
        <FilterSelect
          label="Assignee"
          id="filter-assignee"
          name="assigned_to"
          defaultValue={values.assigned_to}
          anyLabel="Anyone"
          options={assignees.options}
        />
      )}
      {managers ? (
        <FilterSelect
          label="Manager"
          id="filter-manager"
          name="created_by"
          defaultValue={values.created_by}
          anyLabel="Any manager"
          options={managers.map(managerOption)}
        />
      ) : values.created_by ? (
        <CreatorFilterNote
          createdBy={values.created_by}
          name={creatorName ?? `user #${values.created_by}`}
          withoutIt={addressWithout(action, { ...keep, ...values }, "created_by")}
        />
      ) : null}
      {withStatus ? (
        <FilterSelect
          label="Status"
          id="filter-status"
          name="status"
          defaultValue={status.value}
          anyLabel="Any status"
          options={status.options}
        />
      ) : null}
      <FilterSelect
        label="Priority"
        id="filter-priority"
        name="priority"
        defaultValue={priority.value}
        anyLabel="Any priority"
        options={priority.options}
      />
      <div className="flex items-center gap-2 lg:pb-2">
        <input
          id="filter-overdue"
          type="checkbox"
          name="overdue"
          value="true"
          defaultChecked={values.overdue}
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
        <Link href={action} className={buttonSecondary}>
          Clear
        </Link>
      </div>
    </FilterForm>
  );
}

/** `action` with every value in `state` but `dropped`, as the form would send it. */
function addressWithout(
  action: string,
  state: Record<string, string | boolean | undefined>,
  dropped: string,
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(state)) {
    if (name !== dropped && value) query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${action}?${text}` : action;
}

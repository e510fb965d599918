import Link from "next/link";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/db/schema";
import { PRIORITY_LABELS, STATUS_LABELS } from "@/components/tasks/labels";
import type { AssignableUser } from "@/components/task-form/assignee-field";
import {
  buttonPrimary,
  buttonSecondary,
  inputClass,
  labelClass,
} from "@/components/ui/button-styles";

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

/** A GET form, so every filter lives in the URL: shareable, and kept on reload. */
export function TaskFilters({
  users,
  managers,
  values,
  action,
  withStatus = false,
  keep = {},
}: {
  users: AssignableUser[];
  /** Given only to admins: adds the "Manager" filter (tasks created by that manager). */
  managers?: ManagerOption[];
  values: TaskFilterValues;
  action: string;
  withStatus?: boolean;
  /** Other URL state (sorting, page size) that applying filters keeps. */
  keep?: Record<string, string>;
}) {
  return (
    <form
      method="get"
      action={action}
      aria-label="Filter tasks"
      className="mb-6 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
    >
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor="filter-search" className={labelClass}>
          Text
        </label>
        <input
          id="filter-search"
          type="search"
          name="search"
          defaultValue={values.search}
          placeholder="Title or description"
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="filter-assignee" className={labelClass}>
          Assignee
        </label>
        <select
          id="filter-assignee"
          name="assigned_to"
          defaultValue={values.assigned_to ?? ""}
          className={inputClass}
        >
          <option value="">Anyone</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.full_name}
            </option>
          ))}
        </select>
      </div>
      {managers ? (
        <div>
          <label htmlFor="filter-manager" className={labelClass}>
            Manager
          </label>
          <select
            id="filter-manager"
            name="created_by"
            defaultValue={values.created_by ?? ""}
            className={inputClass}
          >
            <option value="">Any manager</option>
            {managers.map((manager) => (
              <option key={manager.id} value={manager.id}>
                {manager.is_active ? manager.full_name : `${manager.full_name} (inactive)`}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {withStatus ? (
        <div>
          <label htmlFor="filter-status" className={labelClass}>
            Status
          </label>
          <select
            id="filter-status"
            name="status"
            defaultValue={values.status ?? ""}
            className={inputClass}
          >
            <option value="">Any status</option>
            {TASK_STATUSES.map((value) => (
              <option key={value} value={value}>
                {STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div>
        <label htmlFor="filter-priority" className={labelClass}>
          Priority
        </label>
        <select
          id="filter-priority"
          name="priority"
          defaultValue={values.priority ?? ""}
          className={inputClass}
        >
          <option value="">Any priority</option>
          {TASK_PRIORITIES.map((value) => (
            <option key={value} value={value}>
              {PRIORITY_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
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
    </form>
  );
}

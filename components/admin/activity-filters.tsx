import { ACTIVITY_KINDS } from "@/db/schema";
import { buttonSecondary, inputClass, labelClass } from "@/components/ui/button-styles";
import { ACTIVITY_LABELS } from "./activity-labels";

export type ActivityFilterValues = Partial<
  Record<"actor" | "task" | "subject" | "kind" | "from" | "to", string>
>;

/** A GET form: the filters live in the URL and the server does the filtering. */
export function ActivityFilters({
  values,
  people,
}: {
  values: ActivityFilterValues;
  people: { id: number; full_name: string }[];
}) {
  return (
    <form
      method="get"
      action="/admin/activity"
      role="search"
      aria-label="Filter activity"
      className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-[1.5fr_1fr_1.5fr_1fr_1fr_auto] lg:items-end"
    >
      <div>
        <label htmlFor="activity-actor" className={labelClass}>
          Who
        </label>
        <select
          id="activity-actor"
          name="actor"
          defaultValue={values.actor ?? ""}
          className={inputClass}
        >
          <option value="">Anyone</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.full_name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="activity-task" className={labelClass}>
          Task number
        </label>
        <input
          id="activity-task"
          name="task"
          type="number"
          min={1}
          inputMode="numeric"
          defaultValue={values.task}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="activity-kind" className={labelClass}>
          What
        </label>
        <select
          id="activity-kind"
          name="kind"
          defaultValue={values.kind ?? ""}
          className={inputClass}
        >
          <option value="">Every kind</option>
          {ACTIVITY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {ACTIVITY_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="activity-from" className={labelClass}>
          From
        </label>
        <input
          id="activity-from"
          name="from"
          type="date"
          defaultValue={values.from}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="activity-to" className={labelClass}>
          To
        </label>
        <input
          id="activity-to"
          name="to"
          type="date"
          defaultValue={values.to}
          className={inputClass}
        />
      </div>
      {values.subject ? <input type="hidden" name="subject" value={values.subject} /> : null}
      <button type="submit" className={buttonSecondary}>
        Apply filters
      </button>
    </form>
  );
}

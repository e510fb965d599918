import { ACTIVITY_KINDS } from "@/lib/domain/enums";
import { buttonSecondary } from "@/components/ui/button-styles";
import { FilterForm } from "@/components/ui/filter-form";
import { FilterInput, FilterSelect, labelledOptions } from "@/components/ui/filter-field";
import { ACTIVITY_COUNT_ID } from "@/lib/client/focus-after-load";
import { ACTIVITY_LABELS } from "./activity-labels";
import { nameWithEmail } from "./format";

const FILTER_NAMES = ["actor", "task", "subject", "kind", "from", "to"] as const;

export type ActivityFilterValues = Partial<Record<(typeof FILTER_NAMES)[number], string>>;

/**
 * A GET form: the filters live in the URL and the server does the filtering. On a phone it
 * starts folded, saying how many filters apply.
 */
export function ActivityFilters({
  values,
  people,
}: {
  values: ActivityFilterValues;
  people: { id: number; full_name: string; email: string }[];
}) {
  return (
    <FilterForm
      // The page's address may hold more (its page number): only these count as filters.
      applied={FILTER_NAMES.filter((name) => values[name]).length}
      resultsId={ACTIVITY_COUNT_ID}
      // Remounted when the URL's filters change by a link (see TaskFilters).
      key={JSON.stringify(values)}
      method="get"
      action="/admin/activity"
      role="search"
      aria-label="Filter activity"
      className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-[1.5fr_1fr_1.5fr_1fr_1fr_auto] lg:items-end"
    >
      <FilterSelect
        label="Who"
        id="activity-actor"
        name="actor"
        defaultValue={values.actor}
        anyLabel="Anyone"
        options={people.map((person) => ({
          value: person.id,
          label: nameWithEmail(person),
        }))}
      />
      <FilterInput
        label="Task number"
        id="activity-task"
        name="task"
        type="number"
        min={1}
        inputMode="numeric"
        defaultValue={values.task}
      />
      <FilterSelect
        label="What"
        id="activity-kind"
        name="kind"
        defaultValue={values.kind}
        anyLabel="Every kind"
        options={labelledOptions(ACTIVITY_KINDS, ACTIVITY_LABELS)}
      />
      <FilterInput
        label="From"
        id="activity-from"
        name="from"
        type="date"
        defaultValue={values.from}
      />
      <FilterInput label="To" id="activity-to" name="to" type="date" defaultValue={values.to} />
      {values.subject ? <input type="hidden" name="subject" value={values.subject} /> : null}
      <button type="submit" className={buttonSecondary}>
        Apply filters
      </button>
    </FilterForm>
  );
}

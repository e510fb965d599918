import type { AssignableUser } from "@/components/task-form/assignee-field";
import type { FilterOption } from "@/components/ui/filter-field";
import type { AssigneeChoice } from "@/lib/services/user-queries";
import { idFromText } from "@/lib/validation/id-text";
import type { UserRef } from "@/lib/validation/tasks";

/**
 * The Assignee filter: a plain select while it can list everyone, else a picker that searches
 * the rest as a name or e-mail is typed. The person the URL filters by is always offered, named
 * from the tasks shown when the choices leave them out (a deactivated person, for a manager):
 * otherwise the field would read "Anyone" and the next Apply would drop the filter.
 */
export type AssigneeFilter =
  | { searchable: false; options: FilterOption[] }
  | { searchable: true; people: AssignableUser[]; current: AssignableUser | null };

/** A person as a filter lists them: deactivated ones say so. */
export const nameOf = (person: { full_name: string; is_active: boolean }) =>
  person.is_active ? person.full_name : `${person.full_name} (inactive)`;

export function assigneeFilter(
  { people, complete }: { people: AssigneeChoice[]; complete: boolean },
  selected: string | undefined,
  tasks: { assignee: UserRef | null }[],
): AssigneeFilter {
  const wanted = selected === undefined ? null : idFromText(selected);
  const listed = people.find((person) => person.id === wanted);
  const named = tasks.find((task) => task.assignee?.id === wanted)?.assignee;
  const missing =
    wanted === null || listed
      ? null
      : { id: wanted, email: named?.email ?? "", full_name: named?.full_name ?? `User #${wanted}` };

  if (complete) {
    const options = people.map((person) => ({ value: person.id, label: nameOf(person) }));
    if (missing) options.push({ value: missing.id, label: missing.full_name });
    return { searchable: false, options };
  }
  const offered = people.map((person) => ({ ...person, full_name: nameOf(person) }));
  const current = listed ? { ...listed, full_name: nameOf(listed) } : missing;
  return { searchable: true, people: offered, current };
}

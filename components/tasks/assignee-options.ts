import type { FilterOption } from "@/components/ui/filter-field";
import type { AssigneeChoice } from "@/lib/services/users";
import type { UserRef } from "@/lib/validation/tasks";

/**
 * The Assignee filter's options. The person the URL filters by is always among them, named from
 * the tasks shown when the list leaves them out (deactivated, for a manager, or beyond the list):
 * otherwise the select would read "Anyone" and the next Apply would drop the filter.
 */
export function assigneeFilterOptions(
  choices: AssigneeChoice[],
  selected: string | undefined,
  tasks: { assignee: UserRef | null }[],
): FilterOption[] {
  const options = choices.map((person) => ({
    value: person.id,
    label: person.is_active ? person.full_name : `${person.full_name} (inactive)`,
  }));
  const id = Number(selected);
  if (!Number.isSafeInteger(id) || id < 1 || choices.some((person) => person.id === id)) {
    return options;
  }
  const named = tasks.find((task) => task.assignee?.id === id)?.assignee;
  return [...options, { value: id, label: named?.full_name ?? `User #${id}` }];
}

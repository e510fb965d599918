import type { TaskPriority } from "@/lib/domain/enums";
import { PRIORITY_LABELS } from "@/components/tasks/labels";
import type { AssigneeChoice } from "@/lib/services/user-queries";
import type { NewTaskDefaults } from "./board-types";

/**
 * A task added on a board filtered to one person or one priority gets them, as a filtered view
 * in other trackers does: without them it would vanish from the board the moment it was made.
 * A deactivated person filtered on cannot be given it.
 */
export function newTaskDefaults(
  filters: { assigned_to?: number; priority?: TaskPriority[] },
  assignees: AssigneeChoice[],
): NewTaskDefaults | undefined {
  const assignee = assignees.find(
    (person) => person.id === filters.assigned_to && person.is_active,
  );
  const priority = filters.priority?.length === 1 ? filters.priority[0] : undefined;
  if (!assignee && !priority) return undefined;
  const gets = [
    assignee ? `${assignee.full_name} as assignee` : null,
    priority ? `${PRIORITY_LABELS[priority]} priority` : null,
  ].filter((part) => part !== null);
  return {
    assigned_to: assignee?.id,
    priority,
    note: `As the board is filtered, it gets ${gets.join(" and ")}.`,
  };
}

import type { AssigneeDirectory } from "./bulk-assignees";
import { MAX_LISTED_ASSIGNEES, type AssigneeSummary } from "@/lib/validation/bulk-create";

/**
 * Who a file's tasks would go to, counted per row as the import resolves them: a file of ids shows
 * the names they stand for before anything is written, so a wrong column or an old export shows.
 */
export class AssigneeTally {
  private readonly tasksOf = new Map<number | null, number>();

  add(assigneeId: number | null): void {
    this.tasksOf.set(assigneeId, (this.tasksOf.get(assigneeId) ?? 0) + 1);
  }

  summary(directory: AssigneeDirectory): AssigneeSummary {
    const people = [...this.tasksOf]
      .flatMap(([id, tasks]) => {
        const person = id === null ? undefined : directory.person(id);
        return person ? [{ ...person, tasks }] : [];
      })
      .sort((a, b) => b.tasks - a.tasks || a.full_name.localeCompare(b.full_name) || a.id - b.id);
    return {
      people: people.slice(0, MAX_LISTED_ASSIGNEES),
      more_people: Math.max(0, people.length - MAX_LISTED_ASSIGNEES),
      unassigned: this.tasksOf.get(null) ?? 0,
    };
  }
}

import type { TaskCountScope } from "@/db/schema";
import { ALL_SLOTS, byCounterLockOrder } from "./task-counter-locks";

export type TaskCountDelta = [scope: TaskCountScope, userId: number, n: number];

type CountedTask = { createdBy: number; assignedTo: number | null };

/**
 * What the per-row insert trigger would add to task_counts, summed over any number of batches of
 * inserted tasks into one row per counter.
 */
export class TaskCountTally {
  private readonly sums = new Map<string, TaskCountDelta>();

  /** Adds `tasks`, whose ids are consecutive from `firstId`. */
  add(firstId: number, tasks: readonly CountedTask[]): this {
    tasks.forEach((task, i) => {
      this.bump("all", (firstId + i) % ALL_SLOTS);
      this.bump("creator", task.createdBy);
      if (task.assignedTo === null) return;
      this.bump("assignee", task.assignedTo);
      if (task.assignedTo === task.createdBy) this.bump("both", task.createdBy);
    });
    return this;
  }

  /** In the counters' lock order, so that concurrent writers never lock them in opposite orders. */
  deltas(): TaskCountDelta[] {
    return [...this.sums.values()].sort((a, b) =>
      byCounterLockOrder({ scope: a[0], userId: a[1] }, { scope: b[0], userId: b[1] }),
    );
  }

  private bump(scope: TaskCountScope, userId: number): void {
    const key = `${scope}:${userId}`;
    const delta = this.sums.get(key);
    if (delta) delta[2] += 1;
    else this.sums.set(key, [scope, userId, 1]);
  }
}

/** The tally of one batch of tasks with consecutive ids from `firstId`. */
export function taskCountDeltas(firstId: number, tasks: readonly CountedTask[]): TaskCountDelta[] {
  return new TaskCountTally().add(firstId, tasks).deltas();
}

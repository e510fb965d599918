import type { TaskCountScope } from "@/db/schema";

/** Slots the "all" counter is spread over; must match the triggers (drizzle/0003, 0004). */
const ALL_SLOTS = 8;

export type TaskCountDelta = [scope: TaskCountScope, userId: number, n: number];

type CountedTask = { createdBy: number; assignedTo: number | null };

/**
 * What the per-row insert trigger would add to task_counts for `count` tasks with consecutive ids
 * from `firstId`, summed into one row per counter and sorted, so that concurrent bulk inserts lock
 * the counters in the same order.
 */
export function taskCountDeltas(firstId: number, tasks: readonly CountedTask[]): TaskCountDelta[] {
  const sums = new Map<string, TaskCountDelta>();
  const add = (scope: TaskCountScope, userId: number) => {
    const key = `${scope}:${userId}`;
    const delta = sums.get(key);
    if (delta) delta[2] += 1;
    else sums.set(key, [scope, userId, 1]);
  };
  tasks.forEach((task, i) => {
    add("all", (firstId + i) % ALL_SLOTS);
    add("creator", task.createdBy);
    if (task.assignedTo === null) return;
    add("assignee", task.assignedTo);
    if (task.assignedTo === task.createdBy) add("both", task.createdBy);
  });
  return [...sums.values()].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
}

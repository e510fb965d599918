import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { TaskCountScope } from "@/db/schema";

/** Slots the "all" counter is spread over; must match the triggers (drizzle/0003, 0004). */
export const ALL_SLOTS = 8;

export type CounterKey = { scope: TaskCountScope; userId: number };
type CountedTask = { id: number; createdBy: number; assignedTo: number | null };

/**
 * The one order in which every writer takes task_counts rows: the triggers' order for a single
 * task (all, creator, assignee, both), then by user. Writers that touch several rows of a scope
 * lock them in this order first, so that two of them can never wait on each other.
 */
const SCOPE_RANK: Record<TaskCountScope, number> = { all: 0, creator: 1, assignee: 2, both: 3 };

export function byCounterLockOrder(a: CounterKey, b: CounterKey): number {
  return SCOPE_RANK[a.scope] - SCOPE_RANK[b.scope] || a.userId - b.userId;
}

/** The counters that moving `task` to another assignee (or none) takes from and adds to. */
export function reassignmentCounters(task: CountedTask, to: number | null): CounterKey[] {
  const keys: CounterKey[] = [];
  for (const assignee of [task.assignedTo, to]) {
    if (assignee === null) continue;
    keys.push({ scope: "assignee", userId: assignee });
    if (assignee === task.createdBy) keys.push({ scope: "both", userId: task.createdBy });
  }
  return keys;
}

/** The counters that deleting `task` decrements. */
export function deletionCounters(task: CountedTask): CounterKey[] {
  return [
    { scope: "all", userId: task.id % ALL_SLOTS },
    { scope: "creator", userId: task.createdBy },
    ...reassignmentCounters(task, null),
  ];
}

/**
 * Locks the given task_counts rows (creating missing ones at 0) in the one lock order, after this
 * connection's task_changes slot, which the triggers also take first. Without it, moving one task
 * from A to B while another moves from B to A locked A and B in opposite orders: a deadlock.
 */
export async function lockCounters(tx: Executor, keys: readonly CounterKey[]): Promise<void> {
  const unique = new Map(keys.map((key) => [`${key.scope}:${key.userId}`, key]));
  if (unique.size === 0) return;
  const rows = [...unique.values()]
    .sort(byCounterLockOrder)
    .map((key) => sql`(${key.scope}, ${key.userId}, 0)`);
  await tx.execute(
    sql`INSERT INTO task_changes (slot, n) VALUES (CONNECTION_ID() % 64, 0) ON DUPLICATE KEY UPDATE n = n`,
  );
  await tx.execute(
    sql`INSERT INTO task_counts (scope, user_id, n) VALUES ${sql.join(rows, sql`, `)} ON DUPLICATE KEY UPDATE n = n`,
  );
}

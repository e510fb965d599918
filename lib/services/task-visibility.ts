import { eq, or, sql, type Column, type SQL } from "drizzle-orm";
import { tasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { taskVisibility, type TaskRelation } from "@/lib/auth/policy";

/** The column of `tasks` that holds each relation's user. */
export const RELATION_COLUMN = {
  creator: "created_by",
  assignee: "assigned_to",
} as const satisfies Record<TaskRelation, string>;

const RELATION_FIELD = {
  creator: tasks.createdBy,
  assignee: tasks.assignedTo,
} satisfies Record<TaskRelation, Column>;

/**
 * The policy's task.read rule as a Drizzle condition on `tasks`: undefined when the actor sees
 * every task.
 */
export function visibleTasks(actor: Actor): SQL | undefined {
  const rule = taskVisibility(actor.role);
  if (rule === "all") return undefined;
  // or() of nothing is undefined, which and() would drop: no relation must mean no task.
  if (rule.length === 0) return sql`false`;
  return or(...rule.map((relation) => eq(RELATION_FIELD[relation], actor.id)));
}

import { and, count, inArray, ne } from "drizzle-orm";
import { db } from "@/db/client";
import { tasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertAdmin } from "./users";

/**
 * How many open tasks (not DONE) each of these people is assigned, for the users page: a
 * deactivation leaves them assigned, so the admin is told before deactivating. One grouped
 * count over the (assigned_to, status) index; people with none are left out.
 */
export async function openTaskCounts(
  actor: Actor,
  userIds: number[],
): Promise<Map<number, number>> {
  assertAdmin(actor);
  if (userIds.length === 0) return new Map();
  const rows = await db()
    .select({ userId: tasks.assignedTo, open: count() })
    .from(tasks)
    .where(and(inArray(tasks.assignedTo, userIds), ne(tasks.status, "DONE")))
    .groupBy(tasks.assignedTo);
  return new Map(rows.map((row) => [row.userId!, row.open]));
}

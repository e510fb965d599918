import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, type Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ASSIGNABLE_ROLES, can } from "@/lib/auth/policy";
import { badRequest } from "@/lib/http/errors";

export type AssigneeFacts = { role: Role; isActive: boolean };

/** A users row as a raw SELECT of `role, is_active` returns it. */
export type AssigneeRow = { role: Role; is_active: number };

export function assigneeFacts(row: AssigneeRow): AssigneeFacts {
  return { role: row.role, isActive: row.is_active === 1 };
}

/**
 * Holds the assignee's row until the write commits: a deactivation waits for it, or this read
 * waits for the deactivation and sees it. MariaDB has no FOR SHARE; MySQL 8 still takes this.
 */
export const SHARE_LOCK = sql.raw("LOCK IN SHARE MODE");

/**
 * Why `user` may not be assigned tasks, or null when they may: they exist, are active and have
 * an assignable role. Only callers who may list every user learn which of these failed; to
 * anyone else an admin's or a deactivated account looks like no account at all.
 */
export function assigneeProblem(
  actor: Pick<Actor, "role">,
  label: string,
  user: AssigneeFacts | null | undefined,
): string | null {
  if (user && user.isActive && ASSIGNABLE_ROLES.includes(user.role)) return null;
  if (!can(actor, "user.listAll")) return `${label} is not an active employee or manager.`;
  if (!user) return `${label} does not exist.`;
  if (!user.isActive) return `${label} is not active.`;
  return `${label} cannot be assigned tasks (role ${user.role}).`;
}

function invalidAssignee(message: string) {
  return badRequest("Validation failed.", { errors: [{ field: "assigned_to", message }] });
}

/**
 * A task may be assigned only to an existing, active user with an assignable role
 * (managers and employees). 400 {detail, errors:[{field:"assigned_to", message}]} otherwise.
 */
export async function assertAssignable(tx: Executor, actor: Actor, userId: number): Promise<void> {
  const [rows] = (await tx.execute(
    sql`SELECT role, is_active FROM ${users} WHERE id = ${userId} ${SHARE_LOCK}`,
  )) as unknown as [AssigneeRow[]];
  const user = rows[0] && assigneeFacts(rows[0]);
  const problem = assigneeProblem(actor, `User ${userId}`, user);
  if (problem) throw invalidAssignee(problem);
}

import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { ASSIGNABLE_ROLES, can } from "@/lib/auth/policy";
import { invalidField } from "@/lib/http/errors";
import { lockedStanding, type UserStanding } from "./user-standing";

/**
 * Why `user` may not be assigned tasks, or null when they may: they exist, are active and have
 * an assignable role. Only callers who may list every user learn which of these failed; to
 * anyone else an admin's or a deactivated account looks like no account at all.
 */
export function assigneeProblem(
  actor: Pick<Actor, "role">,
  label: string,
  user: UserStanding | null | undefined,
): string | null {
  if (user && user.isActive && ASSIGNABLE_ROLES.includes(user.role)) return null;
  if (!can(actor, "user.listAll")) return `${label} is not an active employee or manager.`;
  if (!user) return `${label} does not exist.`;
  if (!user.isActive) return `${label} is not active.`;
  return `${label} cannot be assigned tasks (role ${user.role}).`;
}

/**
 * A task may be assigned only to an existing, active user with an assignable role
 * (managers and employees). 400 {detail, errors:[{field:"assigned_to", message}]} otherwise.
 * The caller has locked the acting user's row already (lockActingUser): it comes before the
 * assignee's.
 */
export async function assertAssignable(tx: Executor, actor: Actor, userId: number): Promise<void> {
  const user = await lockedStanding(tx, userId);
  const problem = assigneeProblem(actor, `User ${userId}`, user);
  if (problem) throw invalidField("assigned_to", problem);
}

import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ASSIGNABLE_ROLES } from "@/lib/auth/policy";
import { badRequest } from "@/lib/http/errors";

function invalidAssignee(message: string) {
  return badRequest("Validation failed.", { errors: [{ field: "assigned_to", message }] });
}

/**
 * A task may be assigned only to an existing, active user with an assignable role
 * (managers and employees). 400 {detail, errors:[{field:"assigned_to", message}]} otherwise.
 */
export async function assertAssignable(tx: Executor, _actor: Actor, userId: number): Promise<void> {
  const [user] = await tx
    .select({ role: users.role, isActive: users.isActive })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) throw invalidAssignee(`User ${userId} does not exist.`);
  if (!user.isActive) throw invalidAssignee(`User ${userId} is not active.`);
  if (!ASSIGNABLE_ROLES.includes(user.role)) {
    throw invalidAssignee(`User ${userId} cannot be assigned tasks (role ${user.role}).`);
  }
}

import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { forbidden } from "@/lib/http/errors";
import { lockedStanding } from "./user-standing";

export const ACCOUNT_CHANGED =
  "Your account was deactivated or its role changed while this request ran; nothing was saved.";

/**
 * Holds the acting user's row until a task-creating or assigning transaction commits, and refuses
 * when a deactivation or role change committed since the request was authenticated. Taken before
 * any assignee's row: the new rows' references to the actor (created_by, the activity's actor_id)
 * would take it last otherwise, while an admin's change to that assignee locks the admins first,
 * and the two deadlocked.
 */
export async function lockActingUser(tx: Executor, actor: Actor): Promise<void> {
  const now = await lockedStanding(tx, actor.id);
  if (!now?.isActive || now.role !== actor.role) throw forbidden(ACCOUNT_CHANGED);
}

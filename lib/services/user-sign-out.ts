import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/http/errors";
import type { UserDto } from "@/lib/validation/users";
import { recordActivity } from "./activity";
import { toUserDto, userColumns } from "./user-dto";
import { assertAdmin } from "./users";
import { inTransaction } from "./transaction";
import { lockActingAdmin } from "./user-guards";
import { endAllSessions } from "./user-sessions";

/**
 * POST /api/users/{id}/sign-out/ and the users page: an admin ends every browser session, access
 * token and refresh token of someone (a lost laptop, a token left in a script) without changing
 * their password, recorded in the trail. The user as they are now.
 */
export async function signOutUser(actor: Actor, id: number): Promise<UserDto> {
  assertAdmin(actor);
  return inTransaction(async (tx) => {
    await lockActingAdmin(tx, actor);
    const [user] = await tx.select(userColumns).from(users).where(eq(users.id, id)).for("update");
    if (!user) throw notFound();
    await endAllSessions(tx, id);
    await recordActivity(tx, [
      { kind: "USER_SIGNED_OUT", actorId: actor.id, subjectUserId: id, field: "sessions" },
    ]);
    return toUserDto(user);
  });
}

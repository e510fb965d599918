import { getServerSession } from "next-auth";
import { ApiError, forbidden as forbiddenRefusal } from "@/lib/http/errors";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { loadSignedInActor } from "@/lib/services/sessions";
import type { Actor } from "./actor";
import { can, type GlobalAction } from "./policy";
import { authOptions } from "./next-auth-options";
import { LOGIN_NOTICES } from "./messages";
import { PATH_HEADER } from "./path-header";
import { safeCallbackPath } from "./safe-redirect";

/**
 * The signed-in user for a server component or server action, re-read from the database so that
 * deactivation, a role change, a sign-out or revoked sessions take effect at once; null when
 * signed out.
 */
export async function getOptionalActor(): Promise<Actor | null> {
  return (await readPageSession()).actor;
}

/** The signed-in user, and whether the browser still holds a session the database has ended. */
async function readPageSession(): Promise<{ actor: Actor | null; ended: boolean }> {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id || !session.user.signInId) return { actor: null, ended: false };
  const { id: userId, sessionVersion, signInId: familyId } = session.user;
  const actor = await loadSignedInActor({ userId, sessionVersion, familyId });
  return { actor, ended: actor === null };
}

async function loginUrl(page: string | null, sessionEnded: boolean): Promise<string> {
  const callback = safeCallbackPath(page ?? (await headers()).get(PATH_HEADER));
  const query = new URLSearchParams({
    ...(callback && { callbackUrl: callback }),
    ...(sessionEnded && { notice: LOGIN_NOTICES.sessionEnded }),
  }).toString();
  return query ? `/login?${query}` : "/login";
}

/**
 * The signed-in user, or a redirect to /login (signed out, deactivated, stale session) with the
 * page to come back to: `page` ("" for none), or the one requested; an ended session is said so.
 * With `may`, a role the policy does not grant that action gets Next's 403 page (app/forbidden.tsx).
 */
export async function requireActor(
  options: { may?: GlobalAction; page?: string | null } = {},
): Promise<Actor> {
  const { actor, ended } = await readPageSession();
  if (!actor) redirect(await loginUrl(options.page ?? null, ended));
  if (options.may && !can(actor, options.may)) forbidden();
  return actor;
}

/** What a server action answers a caller whose session has ended: the page keeps their work. */
export const SESSION_ENDED =
  "Not saved: your session has ended. Sign in again (see the notice at the top), then try again.";

/**
 * The signed-in user for a server action. Unlike a page, an action does not redirect: a session
 * that has ended is a 401 refusal the page shows where it is, so that what was typed or chosen is
 * not thrown away; a role the policy does not grant the action is a 403 refusal.
 */
export async function requireActionActor(options: { may?: GlobalAction } = {}): Promise<Actor> {
  const actor = await getOptionalActor();
  if (!actor) throw new ApiError(401, SESSION_ENDED);
  if (options.may && !can(actor, options.may)) throw forbiddenRefusal();
  return actor;
}

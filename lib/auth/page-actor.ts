import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { loadSessionActor } from "@/lib/services/sessions";
import type { Actor } from "./actor";
import { can, type GlobalAction } from "./policy";
import { authOptions } from "./next-auth-options";
import { PATH_HEADER } from "./path-header";
import { safeCallbackPath } from "./safe-redirect";

/**
 * The signed-in user for a server component or server action, re-read from the database so that
 * deactivation, a role change or revoked sessions take effect at once; null when signed out.
 */
export async function getOptionalActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  return loadSessionActor(session.user.id, session.user.sessionVersion);
}

async function loginUrl(): Promise<string> {
  const callback = safeCallbackPath((await headers()).get(PATH_HEADER));
  return callback ? `/login?callbackUrl=${encodeURIComponent(callback)}` : "/login";
}

/**
 * The signed-in user, or a redirect to /login (signed out, deactivated, stale session).
 * With `may`, a role the policy does not grant that action gets Next's 403 page (app/forbidden.tsx).
 */
export async function requireActor(options: { may?: GlobalAction } = {}): Promise<Actor> {
  const actor = await getOptionalActor();
  if (!actor) redirect(await loginUrl());
  if (options.may && !can(actor, options.may)) forbidden();
  return actor;
}

"use server";

import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { expiredCookie, SESSION_COOKIE } from "@/lib/auth/expired-cookie";
import { LOGIN_NOTICES } from "@/lib/auth/messages";
import { authOptions } from "@/lib/auth/next-auth-options";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/lib/http/request-id";
import { logger } from "@/lib/logger";
import { endBrowserSession } from "@/lib/services/browser-sessions";

/**
 * The header's Sign out, as a form action so that it works before the page's script has run:
 * ends this browser's sign-in (a copy of its cookie stops working too), clears the cookie and
 * goes to the sign-in page. Other sign-ins of the person stand.
 */
export async function signOutAction(): Promise<never> {
  const log = logger().child({
    requestId: resolveRequestId((await headers()).get(REQUEST_ID_HEADER)),
    action: "signOut",
  });
  const user = (await getServerSession(authOptions()))?.user;
  if (user?.id && user.signInId) {
    try {
      await endBrowserSession(user.id, user.signInId);
      log.info({ userId: user.id }, "signed out");
    } catch (error) {
      // Leaving this browser signed in would be worse: its cookie still goes, a copy lives on.
      log.error({ err: error, userId: user.id }, "sign-out could not end the sign-in");
    }
  }
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (SESSION_COOKIE.test(name)) jar.set(name, "", expiredCookie(name));
  }
  redirect(`/login?notice=${LOGIN_NOTICES.signedOut}`);
}

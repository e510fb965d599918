import { NextResponse, type NextRequest } from "next/server";
import { browserSignIn } from "./current-user";
import { expiredCookie, SESSION_COOKIE } from "./expired-cookie";

/**
 * next-auth's `GET /api/auth/session` for a cookie whose sign-in has ended (signed out elsewhere,
 * deactivated, role changed): signed out (`{}`), the cookie dropped, where next-auth would read
 * the still-signed cookie back as signed in and renew it. Null: next-auth answers.
 */
export async function answerEndedSession(request: NextRequest): Promise<Response | null> {
  const session = await browserSignIn(request);
  if (!session || session.actor) return null;
  const response = NextResponse.json({}, { headers: { "Cache-Control": "no-store" } });
  for (const { name } of request.cookies.getAll()) {
    if (SESSION_COOKIE.test(name)) response.cookies.set(name, "", expiredCookie(name));
  }
  return response;
}

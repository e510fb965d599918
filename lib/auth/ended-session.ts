import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { config } from "@/lib/config";
import { loadSignedInActor } from "@/lib/services/sessions";
import { expiredCookie, SESSION_COOKIE } from "./expired-cookie";

/**
 * next-auth's `GET /api/auth/session` for a cookie whose sign-in has ended (signed out elsewhere,
 * deactivated, role changed): signed out (`{}`), the cookie dropped, where next-auth would read
 * the still-signed cookie back as signed in and renew it. Null: next-auth answers.
 */
export async function answerEndedSession(request: NextRequest): Promise<Response | null> {
  const token = await getToken({ req: request, secret: config().NEXTAUTH_SECRET });
  if (!token?.sub) return null;
  const actor = token.fid
    ? await loadSignedInActor({
        userId: Number(token.sub),
        sessionVersion: Number(token.sv),
        familyId: token.fid,
      })
    : null;
  if (actor) return null;
  const response = NextResponse.json({}, { headers: { "Cache-Control": "no-store" } });
  for (const { name } of request.cookies.getAll()) {
    if (SESSION_COOKIE.test(name)) response.cookies.set(name, "", expiredCookie(name));
  }
  return response;
}

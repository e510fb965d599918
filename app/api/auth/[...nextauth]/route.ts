import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/next-auth-options";
import { NEXTAUTH_ACTIONS, nextAuthAction } from "@/lib/auth/next-auth-actions";
import { refuseMethod } from "@/lib/http/refused-methods";
import { unknownPath } from "@/lib/http/unknown-path";

type Segment = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's own endpoints (csrf, session, callback/credentials, signout) for the browser. Other
 * paths and methods get the API's JSON 404 and 405, not next-auth's 400 text or Next's empty 405.
 */
async function handler(request: NextRequest, segment: Segment): Promise<Response> {
  const action = nextAuthAction((await segment.params).nextauth);
  if (!action) return unknownPath(request);
  const { methods } = NEXTAUTH_ACTIONS[action]!;
  if (!methods.includes(request.method)) return refuseMethod(request, methods);
  return NextAuth(request, segment, authOptions());
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };

import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/next-auth-options";
import { NEXTAUTH_ACTIONS, nextAuthAction } from "@/lib/auth/next-auth-actions";
import { answerOptions, refuseMethod } from "@/lib/http/refused-methods";
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

/** The methods an action takes, in Allow (Next's own OPTIONS would list all five handlers). */
async function options(request: NextRequest, segment: Segment): Promise<Response> {
  const action = nextAuthAction((await segment.params).nextauth);
  if (!action) return unknownPath(request);
  return answerOptions(request, NEXTAUTH_ACTIONS[action]!.methods);
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
export { options as OPTIONS };

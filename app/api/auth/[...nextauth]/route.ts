import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/next-auth-options";
import { NEXTAUTH_ACTIONS, nextAuthAction } from "@/lib/auth/next-auth-actions";
import { answerOptions, refuseMethod } from "@/lib/http/refused-methods";
import { withRequestLog } from "@/lib/http/request-log";
import { unknownPath } from "@/lib/http/unknown-path";

type Segment = { params: Promise<{ nextauth: string[] }> };

/** Next-auth's own error codes are plain ASCII words; anything else cannot go into a header. */
const NOT_PRINTABLE_ASCII = /[^\u0020-\u007e]/g;

/**
 * next-auth's own endpoints (csrf, session, callback/credentials, signout) for the browser. Other
 * paths and methods get the API's JSON 404 and 405, not next-auth's 400 text or Next's empty 405.
 */
async function handler(request: NextRequest, segment: Segment): Promise<Response> {
  const action = nextAuthAction((await segment.params).nextauth);
  if (!action) return unknownPath(request);
  const { methods } = NEXTAUTH_ACTIONS[action]!;
  if (!methods.includes(request.method)) return refuseMethod(request, methods);
  return nextAuth(action === "error" ? withPrintableError(request) : request, segment);
}

const nextAuth = withRequestLog((request: NextRequest, segment: Segment): Promise<Response> =>
  NextAuth(request, segment, authOptions()),
);

/**
 * next-auth's error action copies `?error=` unencoded into a redirect's Location header, where a
 * line break or an emoji is refused with an empty 500: only printable ASCII is passed on.
 */
function withPrintableError(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  const error = url.searchParams.get("error");
  if (error === null) return request;
  const printable = error.replace(NOT_PRINTABLE_ASCII, "");
  if (printable === error) return request;
  url.searchParams.set("error", printable);
  return new NextRequest(url, { headers: request.headers, method: request.method });
}

/** The methods an action takes, in Allow (Next's own OPTIONS would list all five handlers). */
async function options(request: NextRequest, segment: Segment): Promise<Response> {
  const action = nextAuthAction((await segment.params).nextauth);
  if (!action) return unknownPath(request);
  return answerOptions(request, NEXTAUTH_ACTIONS[action]!.methods);
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
export { options as OPTIONS };

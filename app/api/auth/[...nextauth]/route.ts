import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { cookies } from "next/headers";
import { isUsableCallbackUrl, repairCallbackCookies } from "@/lib/auth/callback-url-cookie";
import { expiredCookie, needsSecure } from "@/lib/auth/expired-cookie";
import { answerEndedSession } from "@/lib/auth/ended-session";
import { authOptions } from "@/lib/auth/next-auth-options";
import { signInLog } from "@/lib/auth/sign-in-log";
import { NEXTAUTH_ACTIONS, nextAuthAction } from "@/lib/auth/next-auth-actions";
import type { Logger } from "pino";
import { errorResponse } from "@/lib/http/api-route";
import { ApiError, unknownHost } from "@/lib/http/errors";
import { readTextLimited } from "@/lib/http/json-body";
import { enforceRateLimit } from "@/lib/security/rate-limit";
import { answersAsHost } from "@/lib/http/public-url";
import { answerOptions, refuseMethod } from "@/lib/http/refused-methods";
import { withRequestLog } from "@/lib/http/request-log";
import { logger } from "@/lib/logger";
import { unknownPath } from "@/lib/http/unknown-path";

type Segment = { params: Promise<{ nextauth: string[] }> };

/** A sign-in form: a CSRF token, an email, a password and a callback URL. */
const MAX_FORM_BYTES = 16 * 1024;

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
  const head = request.method === "HEAD" && methods.includes("GET");
  if (!head && !methods.includes(request.method)) return refuseMethod(request, methods);
  return nextAuth(action === "error" ? withPrintableError(request) : request, segment);
}

/** HEAD goes to next-auth as the GET it asks about (next-auth answers HEAD itself with a 400). */
function asGet(request: NextRequest): NextRequest {
  return new NextRequest(request.url, { headers: request.headers, method: "GET" });
}

// Logged with the method the client sent: a HEAD is served as a GET, without its body.
const nextAuth = withRequestLog(async (request: NextRequest, log: Logger, segment: Segment) => {
  const head = request.method === "HEAD";
  const answer = await nextAuthAnswer(head ? asGet(request) : request, log, segment);
  return head ? new Response(null, { status: answer.status, headers: answer.headers }) : answer;
});

async function nextAuthAnswer(
  received: NextRequest,
  log: Logger,
  segment: Segment,
): Promise<Response> {
  // A DNS-rebinding page could otherwise sign in here as its own origin (lib/http/public-url.ts).
  if (!answersAsHost(received)) return apiError(400, unknownHost().detail);
  let request = received;
  if (request.method === "POST") {
    try {
      request = await boundedPost(request, log);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      throw error;
    }
  }
  const origin = request.nextUrl.origin;
  // next-auth answers an unreadable callbackUrl with a 500 "server configuration" error. It reads
  // the last of repeated parameters: every one is checked.
  const callbackUrls = request.nextUrl.searchParams.getAll("callbackUrl");
  if (callbackUrls.some((url) => !isUsableCallbackUrl(url, origin))) {
    return apiError(400, "callbackUrl must be a path or an http(s) URL.");
  }
  await repairBrokenCallbackCookies(request, origin);
  if (request.method === "GET" && nextAuthAction((await segment.params).nextauth) === "session") {
    const ended = await answerEndedSession(request);
    if (ended) return ended;
  }
  let answer: Response;
  try {
    answer = await signInLog.run(log, () => NextAuth(request, segment, authOptions()));
  } catch (error) {
    // A body next-auth cannot parse (malformed JSON to /session) throws out of it.
    if (error instanceof SyntaxError) return apiError(400, "Malformed request body.");
    logger().error({ err: error }, "next-auth failed");
    return apiError(500, "Internal server error.");
  }
  return asJsonError(answer);
}

/**
 * next-auth's POSTs (sign-in, sign-out, a session update) take anyone's: each counts against the
 * address's anonymous limit, and its body is read up to a sign-in form's size, since next-auth
 * would read any body whole.
 */
async function boundedPost(request: NextRequest, log: Logger): Promise<NextRequest> {
  await enforceRateLimit(request, null, log);
  const body = await readTextLimited(request, MAX_FORM_BYTES);
  return new NextRequest(request.url, { headers: request.headers, method: "POST", body });
}

/**
 * next-auth answers requests it cannot serve with text ("[object Object]", "This action with
 * HTTP GET is not supported") or an empty body: an /api error is JSON, as everywhere else.
 */
function asJsonError(answer: Response): Response {
  // Logged by withRequestLog at error level with the request's id; next-auth logs its own cause.
  if (answer.status >= 500) return apiError(answer.status, "Internal server error.");
  if (answer.status < 400 || answer.headers.get("content-type")?.includes("json")) return answer;
  return apiError(answer.status, "This request is not one next-auth can serve.");
}

/**
 * next-auth reads the request's cookies through next/headers, where a repeated name shows only
 * its last value: what is set there is what next-auth reads, and tells the browser the same.
 */
async function repairBrokenCallbackCookies(request: NextRequest, origin: string): Promise<void> {
  const repair = repairCallbackCookies(request.headers.get("cookie"), origin);
  if (!repair) return;
  const jar = await cookies();
  for (const name of repair.expire) jar.set(name, "", expiredCookie(name));
  for (const [name, value] of repair.keep) {
    jar.set(name, value, { path: "/", httpOnly: true, sameSite: "lax", secure: needsSecure(name) });
  }
}

function apiError(status: number, detail: string): Response {
  return Response.json({ detail }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * next-auth's error action copies `?error=` unencoded into a redirect's Location header, where a
 * line break or an emoji is refused with an empty 500: only printable ASCII is passed on. None
 * at all is passed on empty: next-auth would write "undefined", which the sign-in page shows as
 * a failed sign-in.
 */
function withPrintableError(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  const error = url.searchParams.get("error");
  const printable = (error ?? "").replace(NOT_PRINTABLE_ASCII, "");
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

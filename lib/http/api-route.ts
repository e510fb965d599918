import { NextResponse, type NextRequest } from "next/server";
import type { Logger } from "pino";
import type { Actor } from "@/lib/auth/actor";
import { authenticateRequest } from "@/lib/auth/current-user";
import { enforceRateLimit } from "@/lib/security/rate-limit";
import { logger } from "@/lib/logger";
import { databaseUnavailability } from "@/lib/services/database-errors";
import { refusedTokenHolder } from "./auth-errors";
import { clientClosedMidBody } from "./client-abort";
import { ApiError, unauthorized, unavailable, unknownHost } from "./errors";
import { answersAsHost } from "./public-url";
import { SAFE_METHODS } from "./safe-methods";
import { REQUEST_ID_HEADER, resolveRequestId } from "./request-id";
import { logRequest } from "./request-log";

export type ApiContext<P, A extends Actor | null> = {
  request: NextRequest;
  params: P;
  actor: A;
  requestId: string;
  log: Logger;
};

type RouteSegment<P> = { params: Promise<P> };
/**
 * `authenticate: false` ignores credentials entirely (login, refresh, health): a stale Bearer cannot
 * block them. `rateLimit: false` is for health probes, which a load balancer sends from one address
 * and which must never be answered 429 (that reads as a failed probe). `anyHost: true` is for them
 * too: a probe names the instance's own address as its Host, which no other route answers as.
 * `reportsStatus: true` is the readiness probe's: its 503 is the answer it was asked for, not a
 * failure of the request, so its line is a warning (the route logs the outage itself, once); any
 * other 5xx is still an error.
 */
export type RouteOptions = {
  authenticate?: boolean;
  rateLimit?: boolean;
  anyHost?: boolean;
  reportsStatus?: boolean;
};
type Handler<P, A extends Actor | null> = (ctx: ApiContext<P, A>) => Promise<Response>;

export function errorResponse(error: ApiError): NextResponse {
  return NextResponse.json(
    { detail: error.detail, ...error.extra },
    { status: error.status, headers: error.headers },
  );
}

/**
 * A failure no handler turned into an answer: the database out of reach (503), the client gone
 * mid-body (400, a warning: nobody reads it and nothing failed here), or a 500. A connection lost
 * before the handler started, or during a read, changed nothing, and the 503 says so.
 */
function unexpected(
  error: unknown,
  log: Logger,
  request: NextRequest,
  handlerStarted: boolean,
): Response {
  const context = { err: error, method: request.method, route: request.nextUrl.pathname };
  const unavailability = databaseUnavailability(error);
  if (unavailability) {
    log.error(context, "database unavailable");
    const changedNothing = !handlerStarted || SAFE_METHODS.has(request.method);
    return errorResponse(unavailable(changedNothing ? "unreachable" : unavailability));
  }
  if (clientClosedMidBody(error)) {
    log.warn(context, "client closed the connection mid-body");
    return errorResponse(new ApiError(400, "The client closed the connection."));
  }
  log.error(context, "unhandled error");
  return NextResponse.json({ detail: "Internal server error." }, { status: 500 });
}

async function run<P, A extends Actor | null>(
  request: NextRequest,
  segment: RouteSegment<P>,
  requireActor: boolean,
  handler: Handler<P, A>,
  options: RouteOptions = {},
): Promise<Response> {
  const started = performance.now();
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  let log = logger().child({ requestId });
  let actor: Actor | null = null;
  let limitHeaders: Record<string, string> = {};
  let response: Response;
  let handlerStarted = false;
  try {
    if (options.anyHost !== true && !answersAsHost(request)) throw unknownHost();
    // A refused credential still counts: against its holder when it was ours (expired, signed
    // out), else against the caller's address, so guessing is throttled.
    let authError: unknown = null;
    if (options.authenticate !== false) {
      actor = await authenticateRequest(request, log).catch((error: unknown) => {
        authError = error;
        return null;
      });
    }
    log = actor ? log.child({ userId: actor.id }) : log;
    if (options.rateLimit !== false) {
      limitHeaders = await enforceRateLimit(
        request,
        actor?.id ?? refusedTokenHolder(authError),
        log,
      );
    }
    if (authError) throw authError;
    if (requireActor && !actor) throw unauthorized();
    handlerStarted = true;
    response = await handler({
      request,
      params: await segment.params,
      actor: actor as A,
      requestId,
      log,
    });
  } catch (error) {
    response =
      error instanceof ApiError
        ? errorResponse(error)
        : unexpected(error, log, request, handlerStarted);
  }
  response.headers.set("X-Request-Id", requestId);
  // Answers about people and their work stay out of every cache unless a handler says otherwise.
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  for (const [name, value] of Object.entries(limitHeaders)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  logRequest(log, request, response.status, started, actor === null, options.reportsStatus);
  return response;
}

/** An /api handler that requires a signed-in caller: parse → service → response, errors as JSON. */
export function authedRoute<P = Record<string, never>>(handler: Handler<P, Actor>) {
  return (request: NextRequest, segment: RouteSegment<P>) => run(request, segment, true, handler);
}

/** An /api handler open to anonymous callers (login, refresh, health, schema). */
export function publicRoute<P = Record<string, never>>(
  handler: Handler<P, Actor | null>,
  options: RouteOptions = {},
) {
  return (request: NextRequest, segment: RouteSegment<P>) =>
    run(request, segment, false, handler, options);
}

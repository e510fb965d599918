import type { NextRequest } from "next/server";
import type { Logger } from "pino";
import { logger } from "@/lib/logger";
import { REQUEST_ID_HEADER, resolveRequestId } from "./request-id";

/**
 * For an /api handler that is not an api-route (next-auth's endpoints): the request's id on the
 * answer and one log line, as every other API request gets (the caller is not known here). The
 * handler gets the request's logger.
 */
export function withRequestLog<Rest extends unknown[]>(
  handle: (request: NextRequest, log: Logger, ...rest: Rest) => Promise<Response>,
) {
  return async (request: NextRequest, ...rest: Rest): Promise<Response> => {
    const started = performance.now();
    const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
    const log = logger().child({ requestId });
    const response = withHeader(await handle(request, log, ...rest), "X-Request-Id", requestId);
    logRequest(log, request, response.status, started, true);
    return response;
  };
}

/** A redirect's headers are immutable: such an answer is copied, its cookies one by one. */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const headers = new Headers();
    for (const [key, item] of response.headers) if (key !== "set-cookie") headers.append(key, item);
    for (const cookie of response.headers.getSetCookie()) headers.append("set-cookie", cookie);
    headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  }
}

/**
 * The one line every API request gets, at a level by its status (a 503 that `reportsStatus` is a
 * warning). `log` carries the request id, and a signed-in caller's id when there is one: a key
 * twice breaks strict JSON readers, so only an anonymous request's line says `userId: null`.
 */
export function logRequest(
  log: Logger,
  request: NextRequest,
  status: number,
  started: number,
  anonymous: boolean,
  reportsStatus = false,
): void {
  const line = {
    method: request.method,
    path: request.nextUrl.pathname,
    status,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    ...(anonymous ? { userId: null } : {}),
  };
  if (status === 503 && reportsStatus) log.warn(line, "probe answered unavailable");
  else if (status >= 500) log.error(line, "request failed");
  else if (status >= 400) log.warn(line, "request refused");
  else log.info(line, "request");
}

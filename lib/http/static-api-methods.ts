import { NextResponse, type NextRequest } from "next/server";
import { methodNotAllowed } from "./errors";

/** The prerendered /api routes: the OpenAPI document as JSON and as YAML, GET only. */
const STATIC_API_PATH = /^\/api\/schema(?:\/yaml)?\/?$/;
const REFUSED = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * middleware.ts answers a prerendered route's other methods with the API's 405 JSON: exporting
 * refusedMethods() from the route would stop Next from prerendering it, and Next's own 405 is empty.
 */
export function refuseStaticApiMethod(
  request: NextRequest,
  requestId: string,
): NextResponse | null {
  if (!STATIC_API_PATH.test(request.nextUrl.pathname) || !REFUSED.has(request.method)) return null;
  const error = methodNotAllowed(request.method, "GET");
  return NextResponse.json(
    { detail: error.detail },
    { status: error.status, headers: { ...error.headers, "X-Request-Id": requestId } },
  );
}

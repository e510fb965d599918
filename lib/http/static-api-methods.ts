import { NextResponse, type NextRequest } from "next/server";
import { allowHeader } from "./allow-header";
import { methodNotAllowed } from "./errors";
import { API_CONTENT_SECURITY_POLICY } from "./static-security-headers.mjs";

/**
 * The /api paths Next serves without a route handler of ours: the prerendered OpenAPI document
 * (JSON and YAML) and the Swagger UI page. GET (and HEAD) only.
 */
const STATIC_API_PATH = /^\/api\/(?:schema(?:\/yaml)?|docs)\/?$/;
const ALLOW = allowHeader(["GET"]);

/**
 * middleware.ts answers their other methods as every API route does: OPTIONS with Allow, the rest
 * with the API's 405 JSON. Exporting refusedMethods() from the document's route would stop Next
 * from prerendering it, Next's own 405 is plain text, and a POST to the page rendered it.
 */
export function refuseStaticApiMethod(
  request: NextRequest,
  requestId: string,
): NextResponse | null {
  if (!STATIC_API_PATH.test(request.nextUrl.pathname)) return null;
  if (request.method === "GET" || request.method === "HEAD") return null;
  // The Swagger UI's path is a page's, which next.config.mjs gives no API policy: set it here.
  const headers = {
    Allow: ALLOW,
    "X-Request-Id": requestId,
    "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
  };
  if (request.method === "OPTIONS") return new NextResponse(null, { status: 204, headers });
  const error = methodNotAllowed(request.method, ALLOW);
  return NextResponse.json({ detail: error.detail }, { status: error.status, headers });
}

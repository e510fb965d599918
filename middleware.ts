import { NextResponse, type NextRequest } from "next/server";
import {
  applySecurityHeaders,
  contentSecurityPolicy,
  createNonce,
} from "@/lib/http/security-headers";
import { PATH_HEADER } from "@/lib/auth/path-header";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/lib/http/request-id";

/**
 * The first gate for every request: request id, security headers and the CSP nonce.
 * Edge runtime: no database, no pino, no node built-ins.
 */
export async function middleware(request: NextRequest) {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, request.nextUrl.pathname);
  const https =
    request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  // Next reads the nonce from the request's CSP header and stamps it on its own scripts.
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  applySecurityHeaders(response.headers, { csp, https });
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

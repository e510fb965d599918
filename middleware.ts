import { NextResponse, type NextRequest } from "next/server";
import { hasBearer, sessionFromCookie } from "@/lib/auth/edge-session";
import { PATH_HEADER } from "@/lib/auth/path-header";
import { isApiPath, isOpenApiPath, isOpenPage, roleMayEnter } from "@/lib/auth/path-rules";
import { forbiddenPage } from "@/lib/http/forbidden-page";
import {
  applySecurityHeaders,
  contentSecurityPolicy,
  createNonce,
} from "@/lib/http/security-headers";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/lib/http/request-id";

function apiUnauthorized(): NextResponse {
  return NextResponse.json(
    { detail: "Authentication credentials were not provided." },
    {
      status: 401,
      headers: { "WWW-Authenticate": 'Bearer realm="api"', "Cache-Control": "no-store" },
    },
  );
}

/**
 * The coarse gate in front of the routes and pages; every answer gets its own response so that the
 * caller never reaches a handler it may not: 401 JSON on /api, a redirect to /login or a 403 page.
 * Returns null to let the request through. Routes and pages still check the user in the database.
 */
async function gate(request: NextRequest): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  if (isApiPath(pathname)) {
    if (request.method === "OPTIONS" || isOpenApiPath(pathname)) return null;
    if (hasBearer(request) || (await sessionFromCookie(request))) return null;
    return apiUnauthorized();
  }
  if (isOpenPage(pathname)) return null;
  const session = await sessionFromCookie(request);
  if (!session) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(login);
  }
  if (!roleMayEnter(session.role, pathname)) return forbiddenPage();
  return null;
}

/**
 * The first gate for every request: request id, security headers, CSP nonce, and who may enter.
 * Edge runtime: no database, no pino, no node built-ins.
 */
export async function middleware(request: NextRequest) {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce);
  const https =
    request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";

  let response = await gate(request);
  if (!response) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set(REQUEST_ID_HEADER, requestId);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
    // Next reads the nonce from the request's CSP header and stamps it on its own scripts.
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  applySecurityHeaders(response.headers, { csp, https });
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

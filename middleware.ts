import { NextResponse, type NextRequest } from "next/server";
import { repairCallbackCookies } from "@/lib/auth/callback-url-cookie";
import { sessionFromCookie } from "@/lib/auth/edge-session";
import { expiredCookie, SESSION_COOKIE } from "@/lib/auth/expired-cookie";
import { LOGIN_NOTICES } from "@/lib/auth/messages";
import { PATH_HEADER } from "@/lib/auth/path-header";
import { isOpenPage, NOT_ALLOWED_FROM, roleMayEnter } from "@/lib/auth/path-rules";
import { isCrossSiteAction } from "@/lib/http/cross-site-action";
import { contentSecurityPolicy, createNonce } from "@/lib/http/security-headers";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/lib/http/request-id";
import { refuseStaticApiMethod } from "@/lib/http/static-api-methods";

/** Where a role refused by the gate is answered: the page checks the session before its 403. */
const NOT_ALLOWED_PAGE = "/not-allowed";

/**
 * The page gate: a redirect to /login, the URL to answer a refused role with, or null to let the
 * request through. Pages still check the user in the database.
 */
async function gate(request: NextRequest): Promise<NextResponse | URL | null> {
  const { pathname, search } = request.nextUrl;
  if (isOpenPage(pathname)) return null;
  // A server action checks its caller and their role itself (requireActionActor) and refuses in
  // words the page shows, keeping its work; a redirect or another page here would be fetched as
  // the action's answer, a server failure.
  if (request.method === "POST" && request.headers.has("next-action")) return null;
  const session = await sessionFromCookie(request);
  if (!session) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
    // A session cookie that no longer reads (a rotated secret, a corrupt copy) is a session that
    // ended, not a first visit; dropped as it is said, so that the notice comes once.
    const unreadable = request.cookies.getAll().filter(({ name }) => SESSION_COOKIE.test(name));
    if (unreadable.length > 0) login.searchParams.set("notice", LOGIN_NOTICES.sessionEnded);
    // A form posted without script (Sign out, say) is not sent again to /login: 303 makes it a GET.
    const read = request.method === "GET" || request.method === "HEAD";
    const redirect = NextResponse.redirect(login, read ? 307 : 303);
    for (const { name } of unreadable) redirect.cookies.set(name, "", expiredCookie(name));
    return redirect;
  }
  // The cookie's role may be stale (a role change or deactivation ends the session): the page,
  // with the database at hand, sends an ended session to sign in and answers a live one 403.
  if (!roleMayEnter(session.role, pathname)) {
    // The page asked for travels in the address: Next's router may run this again for the new one.
    const page = new URL(NOT_ALLOWED_PAGE, request.url);
    page.searchParams.set(NOT_ALLOWED_FROM, pathname + search);
    return page;
  }
  return null;
}

/**
 * In front of every page: request id, CSP with a fresh nonce, who may enter, no server action
 * from another site, and no callback-url cookie that next-auth would refuse every page for
 * (lib/auth/callback-url-cookie.ts). Edge runtime: no database, no pino, no node built-ins. /api
 * routes are not matched: each authenticates its caller itself (lib/http/api-route.ts), and the
 * static security headers come from next.config. The exception is the prerendered OpenAPI
 * document, whose refused methods are answered here.
 */
export async function middleware(request: NextRequest) {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  // The API paths matched (config below): the static document and the Swagger UI page.
  const refusal = refuseStaticApiMethod(request, requestId);
  if (refusal) return refusal;
  if (request.nextUrl.pathname.startsWith("/api/schema")) {
    const response = NextResponse.next();
    response.headers.set("X-Request-Id", requestId);
    return response;
  }
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce);
  const cookies = repairCallbackCookies(request.headers.get("cookie"), request.nextUrl.origin);

  const gated = isCrossSiteAction(request)
    ? new NextResponse("A request from another site is refused.", { status: 403 })
    : await gate(request);
  let response: NextResponse;
  if (gated instanceof NextResponse) {
    response = gated;
  } else {
    const requestHeaders = new Headers(request.headers);
    if (cookies) requestHeaders.set("cookie", cookies.header);
    requestHeaders.set(REQUEST_ID_HEADER, requestId);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
    // Next reads the nonce from the request's CSP header and stamps it on its own scripts.
    requestHeaders.set("Content-Security-Policy", csp);
    const forwarded = { request: { headers: requestHeaders } };
    response = gated ? NextResponse.rewrite(gated, forwarded) : NextResponse.next(forwarded);
  }
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Request-Id", requestId);
  for (const name of cookies?.expire ?? []) {
    response.cookies.set(name, "", expiredCookie(name));
  }
  return response;
}

export const config = {
  matcher: [
    // Everything but static assets and /api, where only the Swagger UI page (/api/docs) is a page:
    // /api/docs/foo and /api/docsx are API paths (JSON 404), not pages behind the sign-in.
    "/((?!_next/static/|_next/image$|favicon\\.ico$|api(?:$|/(?!docs/?$))).*)",
    "/api/schema/:path*",
  ],
};

// npm start calls the route handlers of app/api/direct-routes.ts itself instead of handing those
// requests to Next's router, which cost a task PATCH more CPU than its own work did (README,
// Performance). The handlers are the same functions Next would call; this file adds only what
// Next adds around an /api answer: next.config.mjs's headers and compression.
import { Readable } from "node:stream";
import compression from "compression";
import {
  API_CONTENT_SECURITY_POLICY,
  HSTS_HEADER,
  HTTPS_FORWARDED_PROTO,
  STATIC_SECURITY_HEADERS,
} from "../http/static-security-headers.mjs";

const HTTPS_PROXY = new RegExp(`^${HTTPS_FORWARDED_PROTO}$`);

/** The route that answers `method` on `url` directly, with its params, or null: Next's then. */
export function findDirectRoute(routes, method, url) {
  const path = url.split("?", 1)[0];
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.path.exec(path);
    if (match) return { route, params: { ...match.groups } };
  }
  return null;
}

/** What next.config.mjs's headers() gives every /api answer. */
function setConfiguredHeaders(request, response) {
  for (const { key, value } of STATIC_SECURITY_HEADERS) response.setHeader(key, value);
  const proto = request.headers["x-forwarded-proto"];
  if (proto !== undefined && HTTPS_PROXY.test(proto)) {
    response.setHeader(HSTS_HEADER.key, HSTS_HEADER.value);
  }
  response.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
}

/** The request as Next builds it for a route handler: its URL names Next's own host and port. */
function webRequestOf(NextRequest, request, port) {
  // Node's joined headers, as Next takes them (repeated Cookie headers joined with "; ").
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const withBody = request.method !== "GET" && request.method !== "HEAD";
  return new NextRequest(`http://localhost:${port}${request.url}`, {
    method: request.method,
    headers,
    ...(withBody ? { body: Readable.toWeb(request), duplex: "half" } : {}),
  });
}

async function answer(NextRequest, found, request, response, port) {
  let answered;
  try {
    answered = await found.route.handler(webRequestOf(NextRequest, request, port), {
      params: Promise.resolve(found.params),
    });
  } catch (error) {
    // The handlers answer their own failures as JSON; this is one in building the request.
    console.error(`Failed to handle ${request.method} ${request.url}:`, error);
    answered = Response.json({ detail: "Internal server error." }, { status: 500 });
  }
  // The direct routes answer JSON of a page at most: read whole, sent in one write with its
  // length (compression drops the length when it compresses).
  const body = Buffer.from(await answered.arrayBuffer());
  response.statusCode = answered.status;
  for (const [name, value] of answered.headers) {
    if (name !== "set-cookie") response.setHeader(name, value);
  }
  const cookies = answered.headers.getSetCookie();
  if (cookies.length > 0) response.setHeader("set-cookie", cookies);
  if (answered.status !== 204) response.setHeader("content-length", body.length);
  response.end(body);
}

/**
 * A request listener's first step: answers the request and returns true if a direct route takes
 * it, else returns false and leaves it to Next. Made once Next is prepared: next/server needs the
 * AsyncLocalStorage that Next's server sets up.
 */
export async function createDirectApi(routes, port) {
  const { NextRequest } = await import("next/server.js");
  // Compressed when the client accepts it, as Next compresses its answers; under 1 KB, not.
  const compress = compression();
  return (request, response) => {
    const found = findDirectRoute(routes, request.method, request.url);
    if (!found) return false;
    setConfiguredHeaders(request, response);
    compress(request, response, () => {
      answer(NextRequest, found, request, response, port).catch((error) => {
        console.error(`Failed to answer ${request.method} ${request.url}:`, error);
        response.destroy();
      });
    });
    return true;
  };
}

// npm start calls the route handlers of app/api/direct-routes.ts itself instead of handing those
// requests to Next's router, which cost a task PATCH more CPU than its own work did (README,
// Performance). The handlers are the same functions Next would call; this file adds only what
// Next adds around an /api answer: next.config.mjs's headers and compression.
import compression from "compression";
import { API_ANSWER_HEADERS, HSTS_HEADER, HTTPS_PROXY } from "../http/static-security-headers.mjs";

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
  for (const [name, value] of Object.entries(API_ANSWER_HEADERS)) response.setHeader(name, value);
  const proto = request.headers["x-forwarded-proto"];
  if (proto !== undefined && HTTPS_PROXY.test(proto)) {
    response.setHeader(HSTS_HEADER.key, HSTS_HEADER.value);
  }
}

/**
 * The request as Next builds it for a route handler: its URL names the server's own host and port,
 * https when a proxy's X-Forwarded-Proto mentions it. The body is Node's request itself, read only
 * if the handler reads it, so that Node drains one a refusal never read and the connection can
 * carry the client's next request.
 */
function webRequestOf(NextRequest, request, origin) {
  // Node's joined headers, as Next takes them (repeated Cookie headers joined with "; ").
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const proto = request.headers["x-forwarded-proto"]?.includes("https") ? "https" : "http";
  const withBody = request.method !== "GET" && request.method !== "HEAD";
  return new NextRequest(`${proto}://${origin}${request.url}`, {
    method: request.method,
    headers,
    ...(withBody ? { body: request, duplex: "half" } : {}),
  });
}

// The query string is left out of what is logged: it may carry what the log must not.
const pathOf = (request) => request.url.split("?", 1)[0];

async function answer(NextRequest, found, request, response, origin) {
  let answered;
  try {
    answered = await found.route.handler(webRequestOf(NextRequest, request, origin), {
      params: Promise.resolve(found.params),
    });
  } catch (error) {
    // The handlers answer their own failures as JSON; this is one in building the request.
    console.error(`Failed to handle ${request.method} ${pathOf(request)}:`, error);
    answered = Response.json({ detail: "Internal server error." }, { status: 500 });
  }
  // The direct routes answer JSON of a page at most: read whole, sent in one write with its
  // length (compression drops the length when it compresses).
  const body = Buffer.from(await answered.arrayBuffer());
  response.statusCode = answered.status;
  // As Next's: a header next.config.mjs set is not replaced by the handler's.
  for (const [name, value] of answered.headers) {
    if (name !== "set-cookie" && !response.hasHeader(name)) response.setHeader(name, value);
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
export async function createDirectApi(routes, host, port) {
  const { NextRequest } = await import("next/server.js");
  const origin = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  // Compressed when the client accepts it (gzip, deflate or br) and the answer is over 1 KB; Next
  // compresses every answer, a 40-byte 401 included, and never with br.
  const compress = compression();
  return (request, response) => {
    const found = findDirectRoute(routes, request.method, request.url);
    if (!found) return false;
    setConfiguredHeaders(request, response);
    compress(request, response, () => {
      answer(NextRequest, found, request, response, origin).catch((error) => {
        console.error(`Failed to answer ${request.method} ${pathOf(request)}:`, error);
        response.destroy();
      });
    });
    return true;
  };
}

// Requests to /api that Next.js cannot route answer its plain-text 500 (a path with a broken
// %-escape) or a stack trace (TRACE), and an empty segment its 308 to the path without it; the
// API answers JSON, with the headers of its other answers.
import { randomUUID } from "node:crypto";
import { API_ANSWER_HEADERS } from "../http/static-security-headers.mjs";

const API_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Why an /api request cannot be served, or null: the path is someone else's or fine. */
function problemOf(method, url) {
  const path = url.split("?", 1)[0];
  if (path !== "/api" && !path.startsWith("/api/")) return null;
  if (!API_METHODS.has(method)) {
    return { status: 501, detail: `Method "${method}" is not implemented.` };
  }
  try {
    decodeURIComponent(path);
  } catch {
    return { status: 400, detail: "The URL has a malformed %-escape." };
  }
  // "/api//tasks/" names no route, as DRF's router had it: a 404, not a redirect a POST may not follow.
  if (path.includes("//")) return { status: 404, detail: "Not found." };
  return null;
}

/** The headers of a JSON refusal: those of the API's other answers, and no caching. */
export function refusalHeaders(requestId, body) {
  return {
    ...API_ANSWER_HEADERS,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Request-Id": requestId,
  };
}

/**
 * The line the app logs for a refused request (lib/http/api-route.ts). Every refusal here is the
 * client's doing (a malformed URL, a method nobody implements, headers Node cannot parse), 501
 * included: a warning, never a server error.
 */
export function logRefusal(log, line) {
  log.warn({ durationMs: 0, userId: null, ...line }, "request refused");
}

/**
 * Answers a malformed /api request itself (true), or leaves it to Next.js (false). The refusal is
 * logged as the app logs its own: request id, method, path, status, no user (none was read).
 */
export function refuseMalformedApiRequest(request, response, log) {
  const method = request.method ?? "";
  const url = request.url ?? "/";
  const problem = problemOf(method, url);
  if (!problem) return false;
  const requestId = randomUUID();
  const body = JSON.stringify({ detail: problem.detail });
  response.writeHead(problem.status, refusalHeaders(requestId, body));
  response.end(method === "HEAD" ? undefined : body);
  logRefusal(log, { requestId, method, path: url.split("?", 1)[0], status: problem.status });
  return true;
}

import { NextRequest } from "next/server";
import { expect } from "vitest";
import { appendRecordedCall } from "../contract/recorded-calls";

type RouteModule = Partial<
  Record<
    string,
    (
      request: NextRequest,
      segment: { params: Promise<Record<string, string | string[]>> },
    ) => Promise<Response>
  >
>;

type CompiledRoute = {
  template: string;
  pattern: RegExp;
  names: string[];
  catchAll: boolean;
  load: () => Promise<RouteModule>;
};

export type ApiCallRecord = {
  method: string;
  template: string;
  status: number;
  body: unknown;
  contentType: string | null;
};

const modules = import.meta.glob<RouteModule>("/app/api/**/route.ts");

/** app/api/tasks/[id]/route.ts → /api/tasks/{id}; catch-alls sort last. */
const routes: CompiledRoute[] = Object.entries(modules)
  .map(([file, load]) => {
    const segments = file
      .replace(/^\/app/, "")
      .replace(/\/route\.ts$/, "")
      .split("/")
      .filter(Boolean);
    const names: string[] = [];
    let catchAll = false;
    // Each segment with its leading slash, so an optional catch-all ([[...path]]) can match nothing.
    const pattern = segments
      .map((segment) => {
        const dynamic = /^\[(\[)?(\.\.\.)?(\w+)\]?\]$/.exec(segment);
        if (!dynamic) return "/" + segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(dynamic[3]!);
        if (dynamic[2]) {
          catchAll = true;
          return dynamic[1] ? "(?:/(.+?))?" : "/(.+?)";
        }
        return "/([^/]+)";
      })
      .join("");
    const template =
      "/" + segments.map((s) => s.replace(/^\[\[?(?:\.\.\.)?(\w+)\]?\]$/, "{$1}")).join("/") + "/";
    return { template, pattern: new RegExp(`^${pattern}/?$`), names, catchAll, load };
  })
  // Static segments win over dynamic ones, as in Next ("/api/users/me/" before "/api/users/{id}/").
  .sort(
    (a, b) =>
      Number(a.catchAll) - Number(b.catchAll) ||
      a.names.length - b.names.length ||
      b.template.length - a.template.length,
  );

/** Every call made through `api()` in this process, for the OpenAPI contract test. */
export const recordedCalls: ApiCallRecord[] = [];

export type ApiOptions = {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw body (string, FormData, bytes); sent as-is without a JSON content type. */
  rawBody?: BodyInit;
};

export type ApiResponse<T = unknown> = { status: number; headers: Headers; body: T; text: string };

/**
 * Calls a route handler in-process with a real Request: the same parsing, services and database
 * as a deployed server, without the network. Middleware is exercised by the e2e suite.
 */
export async function api<T = unknown>(
  method: string,
  path: string,
  options: ApiOptions = {},
): Promise<ApiResponse<T>> {
  const url = new URL(path, "http://127.0.0.1:3000");
  const route = routes.find((r) => r.pattern.test(url.pathname));
  if (!route) throw new Error(`No route handler matches ${url.pathname}`);
  const match = route.pattern.exec(url.pathname)!;
  const params: Record<string, string | string[]> = {};
  route.names.forEach((name, i) => {
    const raw = match[i + 1];
    if (raw === undefined) return;
    const value = decodeURIComponent(raw);
    params[name] = route.catchAll ? value.split("/") : value;
  });
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: BodyInit | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const init = { method, headers, body, ...(body ? { duplex: "half" as const } : {}) };
  const request = new NextRequest(url, init);
  const handler = (await route.load())[method];
  if (!handler) throw new Error(`${route.template} has no ${method} handler`);
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  const contentType = response.headers.get("content-type");
  let parsed: unknown = text;
  if (contentType?.includes("json") && text) parsed = JSON.parse(text);
  const call = {
    method,
    template: route.template,
    status: response.status,
    body: parsed,
    contentType,
  };
  recordedCalls.push(call);
  // tests/run.mjs sets it for the whole suite; the contract test then checks every call against the
  // docs (a 405 from a method the route does not serve is not an operation).
  if (process.env.RECORD_API_CALLS && !("refusesMethod" in handler)) {
    appendRecordedCall({ ...call, test: expect.getState().currentTestName ?? "" });
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

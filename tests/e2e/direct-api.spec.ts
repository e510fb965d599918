import { expect, request as newContext, test, type APIRequestContext } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_LOG_FILE, E2E_PORT, E2E_TIME_ZONE } from "./env";
import { DEMO } from "./helpers/demo-accounts";
import { exitWithin, launch, type Launched } from "./helpers/launcher";

// The e2e server answers the task routes itself (DIRECT_API, lib/cli/direct-api.mjs); a second
// server on the same database leaves them to Next's router. Both must answer alike.
const NEXT_PORT = E2E_PORT + 4;
const NEXT_URL = `http://127.0.0.1:${NEXT_PORT}`;

// What differs by transport or by request, not by what was answered.
const PER_REQUEST = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "vary",
  "x-request-id",
  "ratelimit-limit",
  "ratelimit-remaining",
  "ratelimit-reset",
]);
// What differs between two tasks created alike.
const PER_TASK = new Set(["id", "created_at", "updated_at", "location"]);

type Call = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  data?: string;
  headers?: Record<string, string>;
};

let nextServer: Launched;
let direct: APIRequestContext;
let viaNext: APIRequestContext;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  nextServer = launch({
    PORT: String(NEXT_PORT),
    NEXTAUTH_URL: NEXT_URL,
    WEB_CONCURRENCY: "1",
    DIRECT_API: "0",
    DATABASE_URL: E2E_DATABASE_URL,
    LOG_FILE: E2E_LOG_FILE,
    TIME_ZONE: E2E_TIME_ZONE,
    REDIS_URL: process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379",
    RATE_LIMIT_LOGIN: "1000/60s",
    RATE_LIMIT_API: "100000/60s",
    RATE_LIMIT_ANON: "100000/60s",
  });
  await expect
    .poll(
      () =>
        fetch(`${NEXT_URL}/api/health/live/`).then(
          (r) => r.status,
          () => 0,
        ),
      {
        timeout: 90_000,
      },
    )
    .toBe(200);
  const login = await fetch(`${E2E_BASE_URL}/api/auth/login/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(DEMO.manager),
  });
  const { access } = (await login.json()) as { access: string };
  const extraHTTPHeaders = { authorization: `Bearer ${access}` };
  direct = await newContext.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders });
  viaNext = await newContext.newContext({ baseURL: NEXT_URL, extraHTTPHeaders });
});

test.afterAll(async () => {
  await direct?.dispose();
  await viaNext?.dispose();
  nextServer?.process.kill("SIGTERM");
  if (nextServer) await exitWithin(nextServer, 20_000);
});

async function sendTo(context: APIRequestContext, origin: string, call: Call) {
  const res = await context.fetch(call.path, {
    method: call.method,
    headers: { "content-type": "application/json", ...call.headers },
    data: call.data,
  });
  const headers = Object.fromEntries(
    Object.entries(res.headers()).filter(([name]) => !PER_REQUEST.has(name)),
  );
  // Links name the address the request was sent to: the two servers' ports differ.
  const text = (await res.text()).replaceAll(origin, "{origin}");
  const body: unknown = text ? JSON.parse(text) : null;
  return { status: res.status(), headers, body };
}

/** A task's answer without what two tasks created alike differ in. */
function withoutIdentity(body: unknown): unknown {
  if (typeof body !== "object" || body === null) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => !PER_TASK.has(key)));
}

async function createTask(context: APIRequestContext, title: string): Promise<number> {
  const res = await context.post("/api/tasks/", { data: { title } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

test("reads and refusals of the task routes are answered alike with and without Next's router", async () => {
  const taskId = await createTask(direct, `Compared ${Date.now()}`);
  const calls: Call[] = [
    { method: "GET", path: "/api/tasks/?ordering=title&page_size=5" },
    { method: "GET", path: "/api/tasks?status=TODO&search=Compared" },
    { method: "GET", path: "/api/tasks/?ordering=colour" },
    { method: "GET", path: `/api/tasks/${taskId}/` },
    { method: "GET", path: "/api/tasks/999999999/" },
    { method: "GET", path: "/api/tasks/", headers: { authorization: "Bearer not-a-token" } },
    { method: "PATCH", path: `/api/tasks/${taskId}/`, data: '{"status":' },
    { method: "PATCH", path: `/api/tasks/${taskId}/`, data: '{"status":"LATER"}' },
    {
      method: "PATCH",
      path: `/api/tasks/${taskId}/`,
      data: '{"status":"DONE"}',
      headers: { "if-match": '"99"' },
    },
    {
      method: "PUT",
      path: `/api/tasks/${taskId}`,
      data: "title=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    },
    { method: "POST", path: "/api/tasks/", data: '{"title":"","priority":"SOON"}' },
    { method: "DELETE", path: "/api/tasks/999999999/" },
    {
      method: "GET",
      path: `/api/tasks/${taskId}/`,
      headers: { "x-forwarded-proto": "https" },
    },
    // Next's request URL is https when the header mentions it anywhere; links follow it.
    {
      method: "GET",
      path: "/api/tasks/?page_size=2",
      headers: { "x-forwarded-proto": "http, https" },
    },
  ];
  // Which path answered: Next's router varies every answer on its own RSC request headers.
  const taskUrl = `/api/tasks/${taskId}/`;
  expect((await viaNext.get(taskUrl)).headers()["vary"]).toContain("next-router-state-tree");
  expect((await direct.get(taskUrl)).headers()["vary"]).toBe("Accept-Encoding");
  for (const call of calls) {
    const fromNext = await sendTo(viaNext, NEXT_URL, call);
    const answered = await sendTo(direct, E2E_BASE_URL, call);
    expect(answered, `${call.method} ${call.path}`).toEqual(fromNext);
  }
});

test("writes of the task routes are answered alike with and without Next's router", async () => {
  const stamp = Date.now();
  const create = (key: string): Call => ({
    method: "POST",
    path: "/api/tasks/",
    data: JSON.stringify({ title: `Written ${stamp}`, priority: "HIGH" }),
    headers: { "idempotency-key": key },
  });
  const answers = [];
  for (const [context, origin, side] of [
    [direct, E2E_BASE_URL, "direct"],
    [viaNext, NEXT_URL, "next"],
  ] as const) {
    const send = (call: Call) => sendTo(context, origin, call);
    const created = await send(create(`${side}-${stamp}`));
    const replayed = await send(create(`${side}-${stamp}`));
    const id = (created.body as { id: number }).id;
    const patched = await send({
      method: "PATCH",
      path: `/api/tasks/${id}/`,
      data: '{"status":"IN_PROGRESS"}',
      headers: { "if-match": '"1"' },
    });
    const replaced = await send({
      method: "PUT",
      path: `/api/tasks/${id}/`,
      data: JSON.stringify({ title: `Rewritten ${stamp}`, description: "", status: "DONE" }),
    });
    const deleted = await send({ method: "DELETE", path: `/api/tasks/${id}/` });
    const gone = await send({ method: "GET", path: `/api/tasks/${id}/` });
    expect(replayed.body).toEqual(created.body);
    expect(replayed.headers["idempotent-replayed"]).toBe("true");
    answers.push(
      [created, replayed, patched, replaced, deleted, gone].map((answer) => ({
        status: answer.status,
        headers: withoutIdentity(answer.headers),
        body: withoutIdentity(answer.body),
      })),
    );
  }
  expect(answers[0]).toEqual(answers[1]);
  expect(answers[0]!.map((answer) => answer.status)).toEqual([201, 201, 200, 200, 204, 404]);
});

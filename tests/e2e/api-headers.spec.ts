import net from "node:net";
import { expect, test, type APIResponse } from "@playwright/test";
import { E2E_PORT } from "./env";
import { appLogLines } from "./helpers/app-log";

// The static security headers come from next.config.mjs, so only a real server shows them.
function expectStaticHeaders(res: APIResponse) {
  const headers = res.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["cross-origin-resource-policy"]).toBe("same-origin");
}

test("API answers of every kind carry the security headers and a CSP that loads nothing", async ({
  request,
}) => {
  const answers = [
    await request.get("/api/health/"),
    await request.get("/api/tasks/"),
    await request.get("/api/no-such-thing/"),
    await request.get("/api"),
    await request.delete("/api/health/"),
  ];
  expect(answers.map((r) => r.status())).toEqual([200, 401, 404, 404, 405]);
  for (const res of answers) {
    expectStaticHeaders(res);
    expect(res.headers()["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(res.headers()["strict-transport-security"]).toBeUndefined();
  }
  for (const res of answers) {
    expect(res.headers()["content-type"]).toContain("application/json");
    expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  }
  const unauthorized = answers[1]!;
  expect(unauthorized.headers()["www-authenticate"]).toBe('Bearer realm="api"');
  const refused = answers[4]!;
  expect(refused.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  expect(await refused.json()).toEqual({ detail: 'Method "DELETE" not allowed.' });
});

test("paths beside the API's own answer JSON too: next-auth's, the document's, the docs page's", async ({
  request,
}) => {
  const requestId = `e2e-nextauth-${Date.now()}`;
  const session = await request.get("/api/auth/session", {
    headers: { "x-request-id": requestId },
  });
  expect(session.status()).toBe(200);
  expect(session.headers()["content-type"]).toContain("application/json");
  // next-auth's endpoints carry the request id and get their log line, as every API request does.
  expect(session.headers()["x-request-id"]).toBe(requestId);
  await expect
    .poll(() => appLogLines().find((line) => line.requestId === requestId))
    .toMatchObject({ path: "/api/auth/session", status: 200 });
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const cases: [APIResponse, number, string | null][] = [
    [await request.get("/api/auth/nope/"), 404, null],
    [await request.post("/api/auth/session/extra"), 404, null],
    [await request.delete("/api/auth/session"), 405, "GET, HEAD, POST, OPTIONS"],
    // The credentials provider only posts.
    [await request.get("/api/auth/callback/credentials"), 405, "POST, OPTIONS"],
    [await request.put("/api/schema/"), 405, "GET, HEAD, OPTIONS"],
    [await request.delete("/api/schema/yaml"), 405, "GET, HEAD, OPTIONS"],
    [await request.post("/api/docs/"), 405, "GET, HEAD, OPTIONS"],
    [await request.get("/api/docsx/", { maxRedirects: 0 }), 404, null],
    [await request.get("/api/docs/foo", { maxRedirects: 0 }), 404, null],
  ];
  for (const [res, status, allow] of cases) {
    expect(res.status(), res.url()).toBe(status);
    expect(res.headers()["content-type"], res.url()).toContain("application/json");
    expect(res.headers()["allow"], res.url()).toBe(allow ?? undefined);
    expect(res.headers()["content-security-policy"], res.url()).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(res.headers()["x-request-id"], res.url()).toMatch(/^[0-9a-f-]{36}$/);
    expect((await res.json()).detail, res.url()).toMatch(
      /^(Not found\.|Method "\w+" not allowed\.)$/,
    );
  }
  const schema = await request.get("/api/schema/");
  expect(schema.status()).toBe(200);
  expect(schema.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("next-auth's endpoints answer what they cannot serve as JSON, and HEAD as GET", async ({
  request,
}) => {
  for (const [data, status, detail] of [
    ["{", 400, "Malformed request body."],
    ['{"a":1}', 400, "This request is not one next-auth can serve."],
  ] as const) {
    const res = await request.post("/api/auth/session", {
      headers: { "content-type": "application/json" },
      data: Buffer.from(data),
    });
    expect(res.status(), data).toBe(status);
    expect(res.headers()["content-type"], data).toContain("application/json");
    expect(res.headers()["x-request-id"], data).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json(), data).toEqual({ detail });
  }
  const head = await request.head("/api/auth/csrf");
  expect(head.status()).toBe(200);
  // next-auth's own sign-out page is not served: its GET (a failed CSRF check's fallback) goes
  // to the sign-in page.
  const signOutPage = await request.get("/api/auth/signout", { maxRedirects: 0 });
  expect(signOutPage.status()).toBe(302);
  expect(signOutPage.headers()["location"]).toMatch(/\/login$/);
});

test("OPTIONS names only the methods a path serves", async ({ request }) => {
  for (const [path, allow] of [
    ["/api/tasks/", "GET, HEAD, POST, OPTIONS"],
    ["/api/tasks/7/", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS"],
    ["/api/auth/session", "GET, HEAD, POST, OPTIONS"],
    ["/api/auth/csrf", "GET, HEAD, OPTIONS"],
    ["/api/schema/", "GET, HEAD, OPTIONS"],
    ["/api/docs/", "GET, HEAD, OPTIONS"],
  ]) {
    const res = await request.fetch(path!, { method: "OPTIONS" });
    expect(res.status(), path).toBe(204);
    expect(res.headers()["allow"], path).toBe(allow);
  }
  expect((await request.fetch("/api/auth/nope", { method: "OPTIONS" })).status()).toBe(404);
});

test("pages, redirects and the Swagger UI carry them too, with a nonce CSP of their own", async ({
  request,
}) => {
  const pages = [
    await request.get("/login"),
    await request.get("/board", { maxRedirects: 0 }),
    await request.get("/api/docs/"),
  ];
  expect(pages.map((r) => r.status())).toEqual([200, 307, 200]);
  for (const res of pages) {
    expectStaticHeaders(res);
    expect(res.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
    expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  }
});

test("HSTS is sent behind an https proxy only", async ({ request }) => {
  const proxied = await request.get("/api/health/", { headers: { "x-forwarded-proto": "https" } });
  expect(proxied.headers()["strict-transport-security"]).toContain("max-age=63072000");
  // As the links read it: any case, the first of a list.
  for (const proto of ["HTTPS", "https, http"]) {
    const res = await request.get("/api/health/", { headers: { "x-forwarded-proto": proto } });
    expect(res.headers()["strict-transport-security"], proto).toContain("max-age=63072000");
  }
  const plain = await request.get("/api/health/", {
    headers: { "x-forwarded-proto": "http, https" },
  });
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const page = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(page.headers()["strict-transport-security"]).toContain("max-age=63072000");
});

test("requests Next.js cannot route still get the API's JSON answer and headers", async ({
  request,
}) => {
  const cases: [APIResponse, number, string][] = [
    [await request.get("/api/tasks/%ZZ/"), 400, "The URL has a malformed %-escape."],
    [await request.get("/api/users/%E0%A4%A/"), 400, "The URL has a malformed %-escape."],
    [await request.get("/api/tasks//", { maxRedirects: 0 }), 404, "Not found."],
    [await request.get("/api//tasks/", { maxRedirects: 0 }), 404, "Not found."],
    [
      await request.fetch("/api/tasks/", { method: "TRACE" }),
      501,
      'Method "TRACE" is not implemented.',
    ],
    [
      await request.fetch("/api/tasks/", { method: "PROPFIND" }),
      501,
      'Method "PROPFIND" is not implemented.',
    ],
  ];
  for (const [res, status, detail] of cases) {
    expect(res.status()).toBe(status);
    expectStaticHeaders(res);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect(res.headers()["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({ detail });
  }

  // Each refusal is in the app's log like any other refused request (written in the background).
  for (const [res, status, detail] of cases) {
    const requestId = res.headers()["x-request-id"];
    await expect
      .poll(() => appLogLines().find((line) => line.requestId === requestId))
      .toMatchObject({
        service: "etums",
        // A method nobody implements is the client's doing, 501 or not: no server error.
        level: "warn",
        msg: "request refused",
        method: detail.match(/^Method "(\w+)"/)?.[1] ?? "GET",
        path: new URL(res.url()).pathname,
        status,
        userId: null,
      });
  }
});

test("a crafted ?error= with a line break or an emoji goes on to the sign-in page, not an empty 500", async ({
  request,
}) => {
  for (const [sent, kept] of [
    ["a%0D%0ALocation:%20evil", "aLocation: evil"],
    ["%F0%9F%98%80Signin%C3%A9", "Signin"],
  ]) {
    const res = await request.get(`/api/auth/error?error=${sent}`, { maxRedirects: 0 });
    expect(res.status()).toBe(302);
    expect(new URL(res.headers()["location"]!, res.url()).searchParams.get("error")).toBe(kept);
  }
  // No error at all is no failure to show (next-auth wrote "?error=undefined").
  const bare = await request.get("/api/auth/error", { maxRedirects: 0 });
  expect(bare.status()).toBe(302);
  expect(new URL(bare.headers()["location"]!, bare.url()).searchParams.get("error")).toBe("");
});

/** Sends raw bytes to the e2e server and reads until it closes the connection. */
function rawExchange(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(E2E_PORT, "127.0.0.1", () => socket.write(text));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

test("requests Node's HTTP parser refuses get the API's JSON answer too, not an empty one", async () => {
  const cases: [string, string, string][] = [
    [
      "FOO /api/tasks/ HTTP/1.1\r\nHost: x\r\n\r\n",
      "400 Bad Request",
      "The request is not valid HTTP.",
    ],
    [
      `GET /api/tasks/?search=${"x".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      "431 Request Header Fields Too Large",
      "The request's headers are too large.",
    ],
  ];
  for (const [request, status, detail] of cases) {
    const answer = await rawExchange(request);
    const [head, body] = answer.split("\r\n\r\n");
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status}\r\n`));
    expect(head).toContain("Content-Type: application/json");
    expect(head).toContain("X-Content-Type-Options: nosniff");
    expect(JSON.parse(body!)).toEqual({ detail });
  }
});

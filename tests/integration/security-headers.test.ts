import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import type { Role } from "@/db/schema";
import { signAccessToken } from "@/lib/auth/tokens";
import { middleware } from "@/middleware";
import { sessionCookie } from "./session-cookie";

const BASE = "http://127.0.0.1:3000";

async function run(path: string, init: { headers?: Record<string, string>; method?: string } = {}) {
  return middleware(new NextRequest(new URL(path, BASE), init));
}

const passedThrough = (res: Response) => res.headers.get("x-middleware-next") === "1";

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
  expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
}

async function as(role: Role, path: string) {
  return run(path, { headers: { cookie: await sessionCookie({ id: 7, role }) } });
}

describe("middleware: security headers and request id", () => {
  it("puts them on pass-through answers, redirects, 401s and 403s alike", async () => {
    const cases = [
      await run("/login"),
      await run("/board"),
      await run("/api/tasks/"),
      await as("EMPLOYEE", "/admin"),
    ];
    expect(cases.map((r) => r.status)).toEqual([200, 307, 401, 403]);
    cases.forEach(expectSecurityHeaders);
  });

  it("keeps a caller's well-formed request id and replaces a malformed one", async () => {
    const kept = await run("/api/health/", { headers: { "x-request-id": "client-id-12345" } });
    expect(kept.headers.get("x-request-id")).toBe("client-id-12345");
    const replaced = await run("/api/health/", { headers: { "x-request-id": "bad id\n" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("adds HSTS only over https", async () => {
    expect((await run("/login")).headers.get("strict-transport-security")).toBeNull();
    const https = await run("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers.get("strict-transport-security")).toContain("max-age=");
  });
});

describe("middleware: the API gate", () => {
  it("answers 401 JSON with a Bearer challenge when no credentials are sent", async () => {
    for (const path of ["/api/tasks/", "/api/users", "/api/tasks/5/", "/api/anything-else"]) {
      const res = await run(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="api"');
      expect(await res.json()).toEqual({ detail: "Authentication credentials were not provided." });
    }
  });

  it("leaves a bad Bearer token to the route, which refuses and logs it", async () => {
    const res = await run("/api/tasks/", { headers: { authorization: "Bearer not.a.token" } });
    expect(passedThrough(res)).toBe(true);
  });

  it("lets a Bearer token or a valid session cookie through to the route", async () => {
    const token = await signAccessToken({ userId: 3, role: "EMPLOYEE", sessionVersion: 1 });
    expect(
      passedThrough(await run("/api/tasks/", { headers: { authorization: `Bearer ${token}` } })),
    ).toBe(true);
    const cookie = await sessionCookie({ id: 3, role: "EMPLOYEE" });
    expect(passedThrough(await run("/api/tasks/", { headers: { cookie } }))).toBe(true);
    const forged = await sessionCookie({ id: 3, role: "EMPLOYEE" }, { secret: "q".repeat(48) });
    expect((await run("/api/tasks/", { headers: { cookie: forged } })).status).toBe(401);
  });

  it("leaves sign-in, next-auth, health, schema and docs open", async () => {
    for (const path of [
      "/api/auth/login/",
      "/api/auth/login",
      "/api/auth/refresh/",
      "/api/auth/logout/",
      "/api/auth/session",
      "/api/auth/csrf",
      "/api/auth/callback/credentials",
      "/api/health/",
      "/api/schema/",
      "/api/docs/",
    ]) {
      expect(passedThrough(await run(path, { method: "POST" })), path).toBe(true);
    }
  });
});

describe("middleware: the page gate", () => {
  it("sends a signed-out visitor to /login with the page as callbackUrl", async () => {
    const res = await run("/tasks/12?tab=activity");
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("callbackUrl")).toBe("/tasks/12?tab=activity");
    expect(passedThrough(await run("/login"))).toBe(true);
  });

  it("does not take a Bearer token, an expired or a forged cookie for a browser session", async () => {
    const token = await signAccessToken({ userId: 3, role: "ADMIN", sessionVersion: 1 });
    expect((await run("/admin", { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      307,
    );
    const expired = await sessionCookie({ id: 3, role: "ADMIN" }, { maxAge: -60 });
    expect((await run("/admin", { headers: { cookie: expired } })).status).toBe(307);
    const forged = await sessionCookie({ id: 3, role: "ADMIN" }, { secret: "z".repeat(48) });
    expect((await run("/admin", { headers: { cookie: forged } })).status).toBe(307);
  });

  const table: Record<Role, Record<string, boolean>> = {
    EMPLOYEE: {
      "/my-tasks": true,
      "/tasks/42": true,
      "/tasks/42/": true,
      "/tasks": false,
      "/tasks/": false,
      "/tasks/new": false,
      "/tasks/import": false,
      "/board": false,
      "/admin": false,
      "/admin/users": false,
      "/admin/activity": false,
    },
    MANAGER: {
      "/my-tasks": true,
      "/board": true,
      "/tasks": true,
      "/tasks/new": true,
      "/tasks/import": true,
      "/tasks/42": true,
      "/admin": false,
      "/admin/users": false,
    },
    ADMIN: {
      "/my-tasks": true,
      "/board": true,
      "/tasks": true,
      "/tasks/import": true,
      "/admin": true,
      "/admin/users": true,
      "/admin/activity": true,
    },
  };
  for (const [role, paths] of Object.entries(table) as [Role, Record<string, boolean>][]) {
    it(`lets ${role} into exactly the pages of their role`, async () => {
      for (const [path, allowed] of Object.entries(paths)) {
        const res = await as(role, path);
        if (allowed) expect(passedThrough(res), `${role} ${path}`).toBe(true);
        else {
          expect(res.status, `${role} ${path}`).toBe(403);
          expect(await res.text()).toContain("You do not have access to this page");
        }
      }
    });
  }
});

import * as pageStaticInfo from "next/dist/build/analysis/get-page-static-info";
import type { ProxyMatcher } from "next/dist/build/analysis/get-page-static-info";
import { getMiddlewareRouteMatcher } from "next/dist/shared/lib/router/utils/middleware-route-matcher";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/domain/enums";
import { signAccessToken } from "@/lib/auth/tokens";
import { config, middleware } from "@/middleware";
import { sessionCookie } from "./session-cookie";

const BASE = "http://127.0.0.1:3000";

async function run(path: string, init: { headers?: Record<string, string>; method?: string } = {}) {
  return middleware(new NextRequest(new URL(path, BASE), init));
}

const passedThrough = (res: Response) => res.headers.get("x-middleware-next") === "1";

/** The page a refused role is shown instead (app/not-allowed, which answers 403), with the path asked for. */
function refusedAs(res: Response): { page: string; from: string | null } | null {
  const rewrite = res.headers.get("x-middleware-rewrite");
  if (!rewrite) return null;
  const url = new URL(rewrite);
  return { page: url.pathname, from: url.searchParams.get("from") };
}

/** The per-request headers middleware adds; the static ones come from next.config (e2e checks them). */
function expectPageHeaders(res: Response) {
  expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
  expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
}

/**
 * The gate reads the cookie alone (no database at the edge), so no sign-in is recorded: the test
 * does not depend on a user with that id existing, whatever ran before it.
 */
function gateCookie(role: Role, options: { maxAge?: number; secret?: string } = {}) {
  return sessionCookie({ id: 7, role }, { ...options, signInId: null });
}

async function as(role: Role, path: string) {
  return run(path, { headers: { cookie: await gateCookie(role) } });
}

describe("middleware: CSP nonce and request id", () => {
  it("puts them on pass-through answers, redirects and role refusals alike", async () => {
    const cases = [await run("/login"), await run("/board"), await as("EMPLOYEE", "/admin")];
    expect(cases.map((r) => r.status)).toEqual([200, 307, 200]);
    expect(refusedAs(cases[2]!)).toEqual({ page: "/not-allowed", from: "/admin" });
    cases.forEach(expectPageHeaders);
  });

  it("gives every response a nonce of its own", async () => {
    const [a, b] = [await run("/login"), await run("/login")];
    expect(a.headers.get("content-security-policy")).not.toBe(
      b.headers.get("content-security-policy"),
    );
  });

  it("keeps a caller's well-formed request id and replaces a malformed one", async () => {
    const kept = await run("/login", { headers: { "x-request-id": "client-id-12345" } });
    expect(kept.headers.get("x-request-id")).toBe("client-id-12345");
    const replaced = await run("/login", { headers: { "x-request-id": "bad id\n" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lets the API's Swagger UI page open without a session", async () => {
    expect(passedThrough(await run("/api/docs/"))).toBe(true);
  });
});

// Next's own compilation of config.matcher: exported by the module, though left out of its types.
const { getMiddlewareMatchers } = pageStaticInfo as unknown as {
  getMiddlewareMatchers: (matcher: string[], nextConfig: object) => ProxyMatcher[];
};

describe("middleware: the paths it sees", () => {
  const sees = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher, {}));
  const seen = (path: string) => sees(path, {} as never, {});

  it("sees pages and the Swagger UI page, never another /api path", () => {
    for (const page of ["/", "/login", "/board", "/tasks/12", "/api/docs", "/api/docs/"]) {
      expect(seen(page), page).toBe(true);
    }
    for (const api of [
      "/api",
      "/api/",
      "/api/tasks/",
      "/api/docs/foo",
      "/api/docsx",
      "/api/docsx/",
    ]) {
      expect(seen(api), api).toBe(false);
    }
  });

  it("answers other methods than GET on the OpenAPI document and the Swagger UI as the API does", async () => {
    const paths = ["/api/schema", "/api/schema/", "/api/schema/yaml", "/api/schema/yaml/"];
    for (const path of [...paths, "/api/docs", "/api/docs/"]) {
      expect(seen(path), path).toBe(true);
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const res = await run(path, { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
        expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
        expect(await res.json()).toEqual({ detail: `Method "${method}" not allowed.` });
      }
      const options = await run(path, { method: "OPTIONS" });
      expect(options.status, `OPTIONS ${path}`).toBe(204);
      expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    }
    for (const path of paths) {
      const res = await run(path, { headers: { "x-request-id": "schema-read-1" } });
      expect(passedThrough(res), path).toBe(true);
      expect(res.headers.get("x-request-id"), path).toBe("schema-read-1");
    }
    // Another path below it is the catch-all's JSON 404, whatever the method.
    expect(passedThrough(await run("/api/schema/other", { method: "PUT" }))).toBe(true);
  });

  it("leaves the document's routes with GET alone, which Next needs to prerender them", async () => {
    for (const route of [
      await import("@/app/api/schema/route"),
      await import("@/app/api/schema/yaml/route"),
    ]) {
      expect(Object.keys(route).sort()).toEqual(["GET", "dynamic"]);
      expect(route.dynamic).toBe("force-static");
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

  it("turns a form posted without script after the session ended into a GET of /login (303)", async () => {
    const res = await run("/tasks?status=TODO", {
      method: "POST",
      headers: {
        "content-type": "multipart/form-data; boundary=x",
        origin: BASE,
        host: new URL(BASE).host,
      },
    });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("callbackUrl")).toBe("/tasks?status=TODO");
    expect((await run("/tasks", { method: "HEAD" })).status).toBe(307);
  });

  it("lets a server action through to judge its caller itself, signed out or of another role", async () => {
    // Its answer is read as the action's result: a redirect or another page would be a failure.
    const action = { origin: BASE, host: new URL(BASE).host, "next-action": "7f3a" };
    const signedOut = await run("/tasks", { method: "POST", headers: action });
    const employee = await run("/admin/users", {
      method: "POST",
      headers: { ...action, cookie: await gateCookie("EMPLOYEE") },
    });
    expect([passedThrough(signedOut), passedThrough(employee)]).toEqual([true, true]);
  });

  it("does not take a Bearer token, an expired or a forged cookie for a browser session", async () => {
    const token = await signAccessToken({
      userId: 3,
      role: "ADMIN",
      sessionVersion: 1,
      familyId: crypto.randomUUID(),
    });
    expect((await run("/admin", { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      307,
    );
    const expired = await gateCookie("ADMIN", { maxAge: -60 });
    expect((await run("/admin", { headers: { cookie: expired } })).status).toBe(307);
    const forged = await gateCookie("ADMIN", { secret: "z".repeat(48) });
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
        else
          expect(refusedAs(res), `${role} ${path}`).toEqual({ page: "/not-allowed", from: path });
      }
    });
  }
});

import { describe, expect, it } from "vitest";
import { api } from "../helpers/api";
import { makeUser } from "../helpers/factories";

describe("a method the route does not serve", () => {
  it("answers 405 JSON naming the method, with every method it serves in Allow, HEAD and OPTIONS too", async () => {
    const admin = await makeUser("ADMIN");
    const cases: [string, string, string][] = [
      ["DELETE", "/api/health/", "GET, HEAD, OPTIONS"],
      ["PUT", "/api/tasks/", "GET, HEAD, POST, OPTIONS"],
      ["POST", "/api/tasks/7/", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS"],
      ["PUT", "/api/users/7/", "GET, HEAD, PATCH, DELETE, OPTIONS"],
      ["GET", "/api/tasks/bulk-upload/", "POST, OPTIONS"],
      ["GET", "/api/auth/login/", "POST, OPTIONS"],
    ];
    for (const [method, path, allow] of cases) {
      const res = await api(method, path, { token: admin.token });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow"), path).toBe(allow);
      expect(res.body).toEqual({ detail: `Method "${method}" not allowed.` });
    }
  });

  it("answers OPTIONS with the methods it does serve, and 404 for an unknown path", async () => {
    const cases: [string, string][] = [
      ["/api/health/", "GET, HEAD, OPTIONS"],
      ["/api/tasks/", "GET, HEAD, POST, OPTIONS"],
      ["/api/tasks/7/", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS"],
      ["/api/tasks/bulk-upload/", "POST, OPTIONS"],
    ];
    for (const [path, allow] of cases) {
      const res = await api("OPTIONS", path);
      expect(res.status, path).toBe(204);
      expect(res.headers.get("allow"), path).toBe(allow);
    }
    expect((await api("OPTIONS", "/api/no-such-thing/")).status).toBe(404);
  });

  it("answers the same without credentials: there is nothing to reveal", async () => {
    const res = await api("PATCH", "/api/tasks/");
    expect(res.status).toBe(405);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

// next-auth itself needs Next's request scope: tests/e2e/api-headers.spec.ts shows it still serving.
describe("next-auth's catch-all under /api/auth/", () => {
  it("answers 404 JSON to a path next-auth has no endpoint for", async () => {
    for (const path of [
      "/api/auth/nope/",
      "/api/auth/sessions",
      "/api/auth/session/extra",
      "/api/auth/csrf/x/",
      "/api/auth/callback/credentials/more",
      "/api/auth/constructor",
      "/api/auth/__proto__",
    ]) {
      for (const method of ["GET", "POST", "DELETE"]) {
        const res = await api(method, path);
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
        expect(res.headers.get("content-type")).toContain("application/json");
        expect(res.body).toEqual({ detail: "Not found." });
        expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      }
    }
  });

  it("answers 405 JSON with Allow to a method its endpoint does not take", async () => {
    const cases: [string, string, string][] = [
      ["DELETE", "/api/auth/session", "GET, HEAD, POST, OPTIONS"],
      ["PUT", "/api/auth/csrf/", "GET, HEAD, OPTIONS"],
      ["PATCH", "/api/auth/signin/credentials", "GET, HEAD, POST, OPTIONS"],
      ["POST", "/api/auth/providers", "GET, HEAD, OPTIONS"],
      ["GET", "/api/auth/_log", "POST, OPTIONS"],
      ["POST", "/api/auth/error", "GET, HEAD, OPTIONS"],
    ];
    for (const [method, path, allow] of cases) {
      const res = await api(method, path);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow"), path).toBe(allow);
      expect(res.body).toEqual({ detail: `Method "${method}" not allowed.` });
    }
  });
});

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
      // next-auth's client error log: it wrote anyone's post into the log file.
      "/api/auth/_log",
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

  it("refuses a post larger than a sign-in form with a JSON 413, before next-auth reads it", async () => {
    const big = `csrfToken=x&email=${"a".repeat(20 * 1024)}`;
    for (const path of ["/api/auth/callback/credentials", "/api/auth/signout"]) {
      const declared = await api("POST", path, {
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": String(big.length),
        },
        rawBody: big,
      });
      expect({ path, status: declared.status }).toEqual({ path, status: 413 });
      expect(declared.body).toEqual({ detail: "Request body exceeds 16384 bytes." });
    }
    // A body sent in chunks, without a Content-Length, is cut off as it passes the limit.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i += 1)
          controller.enqueue(new TextEncoder().encode("a".repeat(1024)));
        controller.close();
      },
    });
    const streamed = await api("POST", "/api/auth/callback/credentials", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      rawBody: chunks,
    });
    expect(streamed.status).toBe(413);
  });

  it("answers 405 JSON with Allow to a method its endpoint does not take", async () => {
    const cases: [string, string, string][] = [
      ["DELETE", "/api/auth/session", "GET, HEAD, POST, OPTIONS"],
      ["PUT", "/api/auth/csrf/", "GET, HEAD, OPTIONS"],
      ["PATCH", "/api/auth/signin/credentials", "GET, HEAD, POST, OPTIONS"],
      ["POST", "/api/auth/providers", "GET, HEAD, OPTIONS"],
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

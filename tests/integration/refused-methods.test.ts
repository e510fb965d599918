import { describe, expect, it } from "vitest";
import { api } from "../helpers/api";
import { makeUser } from "../helpers/factories";

describe("a method the route does not serve", () => {
  it("answers 405 JSON naming the method, with the methods it does serve in Allow", async () => {
    const admin = await makeUser("ADMIN");
    const cases: [string, string, string][] = [
      ["DELETE", "/api/health/", "GET"],
      ["PUT", "/api/tasks/", "GET, POST"],
      ["POST", "/api/tasks/7/", "GET, PUT, PATCH, DELETE"],
      ["PUT", "/api/users/7/", "GET, PATCH, DELETE"],
      ["GET", "/api/tasks/bulk-upload/", "POST"],
      ["GET", "/api/auth/login/", "POST"],
    ];
    for (const [method, path, allow] of cases) {
      const res = await api(method, path, { token: admin.token });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow"), path).toBe(allow);
      expect(res.body).toEqual({ detail: `Method "${method}" not allowed.` });
    }
  });

  it("answers the same without credentials: there is nothing to reveal", async () => {
    const res = await api("PATCH", "/api/tasks/");
    expect(res.status).toBe(405);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

import { describe, expect, it } from "vitest";
import { api } from "../helpers/api";
import { recordStatements } from "../helpers/sql-spy";

describe("GET /api/health/", () => {
  it("answers 200 ok when the database is up, with or without the trailing slash", async () => {
    for (const path of ["/api/health/", "/api/health"]) {
      const res = await api("GET", path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: "ok", db: "ok" });
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("answers a flood of checks, which is not rate-limited, with one database query a second", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const seen = recordStatements();
    const answers = await Promise.all(Array.from({ length: 20 }, () => api("GET", "/api/health/")));
    expect(answers.map((res) => res.status)).toEqual(Array(20).fill(200));
    expect(seen.filter((statement) => /select 1/i.test(statement))).toHaveLength(1);
  });

  it("answers liveness with 200 ok and no-store, with or without the trailing slash", async () => {
    for (const path of ["/api/health/live/", "/api/health/live"]) {
      const res = await api("GET", path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: "ok" });
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("ignores credentials: a monitor's stale or malformed token never turns a check into a 401", async () => {
    for (const path of ["/api/health/", "/api/health/live/"]) {
      for (const authorization of ["Bearer not-a-jwt", "Basic abc"]) {
        const res = await api("GET", path, { headers: { authorization } });
        expect(res.status).toBe(200);
      }
    }
  });

  it("answers unknown /api paths with JSON 404", async () => {
    const res = await api("GET", "/api/no-such-thing/");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: "Not found." });
  });
});

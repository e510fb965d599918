import { describe, expect, it } from "vitest";

// Point this file's database at a closed port before anything reads the configuration.
process.env.DATABASE_URL = "mysql://root@127.0.0.1:1/etums_test";

describe("health with the database down", () => {
  it("answers 503 with a JSON body", async () => {
    const { api } = await import("../helpers/api");
    const res = await api("GET", "/api/health/");
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.body).toEqual({ status: "degraded", db: "down" });
  });

  it("leaves liveness at 200: a database outage must not restart the app", async () => {
    const { api } = await import("../helpers/api");
    const res = await api("GET", "/api/health/live/");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });
});

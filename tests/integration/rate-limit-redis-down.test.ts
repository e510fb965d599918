import { describe, expect, it } from "vitest";
import { api } from "../helpers/api";
import { makeUser } from "../helpers/factories";

// Redis "stopped": nothing listens on port 1. The limiter must fall back, never fail open.
process.env.REDIS_URL = "redis://127.0.0.1:1";
process.env.RATE_LIMIT_ANON = "3/60s";
process.env.RATE_LIMIT_API = "3/60s";

describe("rate limits with Redis down", () => {
  it("still answers 429 to an anonymous burst", async () => {
    const headers = { "x-forwarded-for": "203.0.113.9" };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push((await api("GET", "/api/tasks/", { headers })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it("still limits a signed-in caller", async () => {
    const user = await makeUser("MANAGER");
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await api("GET", "/api/users/me/", { token: user.token })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

import { Redis } from "ioredis";
import { decodeJwt } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { stripShebang } from "@/lib/security/ioredis-adapter";
import { signAccessToken } from "@/lib/auth/tokens";
import { ApiError } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { createLimiter } from "@/lib/security/limiter";
import { enforceActionRateLimit } from "@/lib/security/rate-limit";
import { issueTokenPair } from "@/lib/services/refresh-tokens";
import { api } from "../helpers/api";
import { makeUser } from "../helpers/factories";
import { freshIp, login, refresh } from "./auth-helpers";

// Small limits for this file only; config() reads the environment on first use.
process.env.RATE_LIMIT_ANON = "5/60s";
process.env.RATE_LIMIT_API = "4/60s";
process.env.RATE_LIMIT_LOGIN = "3/60s";

const redis = new Redis(process.env.REDIS_URL!);
afterAll(() => redis.disconnect());

function expectThrottled(res: { status: number; headers: Headers; body: unknown }, limit: number) {
  expect(res.status).toBe(429);
  expect(res.body).toMatchObject({ code: "throttled" });
  expect((res.body as { detail: string }).detail).toBeTruthy();
  expect(res.headers.get("content-type")).toContain("application/json");
  expect(res.headers.get("ratelimit-limit")).toBe(String(limit));
  expect(res.headers.get("ratelimit-remaining")).toBe("0");
  const reset = Number(res.headers.get("ratelimit-reset"));
  expect(reset).toBeGreaterThan(0);
  // The window's end, then the time its sliding count takes to free one request.
  expect(reset).toBeLessThanOrEqual(60 + Math.ceil(60 / limit));
  expect(res.headers.get("retry-after")).toBe(String(reset));
}

describe("API rate limits (Redis through the ioredis adapter)", () => {
  it("limits anonymous callers per IP, with RateLimit headers on every answer", async () => {
    const ip = freshIp();
    const remaining: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await api("GET", "/api/tasks/", { headers: { "x-forwarded-for": ip } });
      expect(res.status).toBe(401);
      expect(res.headers.get("ratelimit-limit")).toBe("5");
      remaining.push(res.headers.get("ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const burst = await api("GET", "/api/tasks/", { headers: { "x-forwarded-for": ip } });
    expectThrottled(burst, 5);
    expect((burst.body as { detail: string }).detail).toMatch(
      /^Request was throttled\. Expected available in \d+ seconds?\.$/,
    );
    // Another address is not affected.
    const other = await api("GET", "/api/tasks/", { headers: { "x-forwarded-for": freshIp() } });
    expect(other.status).toBe(401);
    // The counters live in Redis, shared by every instance.
    const keys = await redis.keys("etums:rl:*:anon:ip:*");
    expect(keys.some((key) => key.includes(ip.split(",")[0]!))).toBe(true);
  });

  it("never throttles the health probes, which a load balancer sends from one address", async () => {
    const ip = freshIp();
    for (let i = 0; i < 8; i += 1) {
      for (const path of ["/api/health/", "/api/health/live/"]) {
        const res = await api("GET", path, { headers: { "x-forwarded-for": ip } });
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
      }
    }
  });

  it("counts next-auth's sign-in and sign-out posts against the address's anonymous limit", async () => {
    const ip = freshIp();
    const form = { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip };
    const paths = ["/api/auth/callback/credentials", "/api/auth/signout", "/api/auth/session"];
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await api("POST", paths[i % 3]!, { headers: form, rawBody: "csrfToken=x" });
      statuses.push(res.status);
    }
    expect(statuses).not.toContain(429);
    expectThrottled(await api("POST", paths[0]!, { headers: form, rawBody: "csrfToken=x" }), 5);
    // Reading them is not counted: a browser asks for its session on every focus.
    expect((await api("GET", "/api/auth/csrf", { headers: form })).status).not.toBe(429);
  });

  it("limits signed-in callers per user, whatever their address", async () => {
    const user = await makeUser("EMPLOYEE");
    const other = await makeUser("EMPLOYEE");
    for (let i = 0; i < 4; i += 1) {
      const res = await api("GET", "/api/users/me/", {
        token: user.token,
        headers: { "x-forwarded-for": freshIp() },
      });
      expect(res.status).toBe(200);
    }
    const burst = await api("GET", "/api/users/me/", { token: user.token });
    expectThrottled(burst, 4);
    expect((await api("GET", "/api/users/me/", { token: other.token })).status).toBe(200);
  });

  it("counts the dashboard's actions against the same per-user budget as the API", async () => {
    const user = await makeUser("MANAGER");
    const log = logger();
    for (let i = 0; i < 2; i += 1) {
      expect((await api("GET", "/api/users/me/", { token: user.token })).status).toBe(200);
    }
    await enforceActionRateLimit(user, log);
    await enforceActionRateLimit(user, log);
    const refused = await enforceActionRateLimit(user, log).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(429);
    expect((refused as ApiError).detail).toMatch(
      /^Too many changes in a short time\. Try again in \d+ seconds?\.$/,
    );
    expectThrottled(await api("GET", "/api/users/me/", { token: user.token }), 4);
  });

  it("counts refused tokens against the caller's address", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const res = await api("GET", "/api/users/me/", {
        token: `forged.token.${i}`,
        headers: { "x-forwarded-for": ip },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("counts an expired token of ours against its holder, so others at the address can still refresh", async () => {
    const user = await makeUser("EMPLOYEE");
    const { access, refresh: refreshToken } = await issueTokenPair({ ...user, sessionVersion: 1 });
    const expired = await signAccessToken(
      {
        userId: user.id,
        role: user.role,
        sessionVersion: 1,
        familyId: String(decodeJwt(access).fam),
      },
      -10,
    );
    const shared = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const res = await api("GET", "/api/users/me/", {
        token: expired,
        headers: { "x-forwarded-for": shared },
      });
      statuses.push(res.status);
    }
    // The holder's own budget (4), not the address's anonymous one (5).
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    expect((await refresh(refreshToken, shared)).status).toBe(200);
    expect(
      (await api("GET", "/api/health/", { headers: { "x-forwarded-for": shared } })).status,
    ).toBe(200);
  });

  it("throttles sign-in per IP with the login limit, even for the right password", async () => {
    const user = await makeUser("EMPLOYEE");
    const ip = freshIp();
    for (let i = 0; i < 3; i += 1) {
      expect((await login(user.email, "wrong-password-here", ip)).status).toBe(401);
    }
    const throttled = await login(user.email, user.password, ip);
    expectThrottled(throttled, 3);
    // The words give the wait the Retry-After header gives, in its unit under a minute.
    const wait = Number(throttled.headers.get("retry-after"));
    expect((throttled.body as { detail: string }).detail).toBe(
      wait < 60
        ? `Too many attempts, try again in ${wait} second${wait === 1 ? "" : "s"}.`
        : `Too many attempts, try again in ${Math.ceil(wait / 60)} minute${wait <= 60 ? "" : "s"}.`,
    );
    expect((await login(user.email, user.password, freshIp())).status).toBe(200);
    // A refresh is not a password guess: it counts against the anonymous limit, not this one.
    const refresh = await api("POST", "/api/auth/refresh/", {
      body: { refresh: "x" },
      headers: { "x-forwarded-for": ip },
    });
    expect(refresh.status).toBe(401);
    expect(refresh.headers.get("ratelimit-limit")).toBe("5");
    // Nor is asking which methods sign-in takes, or sending it one it refuses.
    for (const [method, status] of [
      ["OPTIONS", 204],
      ["DELETE", 405],
    ] as const) {
      const other = await api(method, "/api/auth/login/", { headers: { "x-forwarded-for": ip } });
      expect(other.status, method).toBe(status);
      expect(other.headers.get("ratelimit-limit"), method).toBe("5");
    }
  });

  it("counts an IPv6 client's whole /64 as one address, so rotating through it gains nothing", async () => {
    const user = await makeUser("EMPLOYEE");
    const hex = () => Math.floor(Math.random() * 0xffff).toString(16);
    const network = `2001:db8:${hex()}:${hex()}`;
    for (let i = 1; i <= 3; i += 1) {
      const ip = `${network}:${hex()}:${hex()}:${hex()}:${i}`;
      expect((await login(user.email, "wrong-password-here", ip)).status).toBe(401);
    }
    // Across a window boundary, the sliding window weighs the last window down and may let one
    // or two more through; another address of the same /64 is throttled all the same.
    let fourth = await login(user.email, user.password, `${network}::abcd`);
    for (let extra = 1; extra <= 3 && fourth.status !== 429; extra += 1) {
      fourth = await login(user.email, user.password, `${network}::${extra}:abcd`);
    }
    expectThrottled(fourth, 3);
    expect((await login(user.email, user.password, `2001:db8:${hex()}:${hex()}::1`)).status).toBe(
      200,
    );
  });
});

describe("limiter backends", () => {
  it("strips the Upstash Lua shebang that open-source Redis rejects", () => {
    expect(stripShebang("#!lua flags=allow-key-locking\n  local key = KEYS[1]")).toBe(
      "  local key = KEYS[1]",
    );
    expect(stripShebang("return 1")).toBe("return 1");
  });

  it("counts in Redis across limiter instances (two app instances share one limit)", async () => {
    const prefix = `etums:rl:test-shared-${Date.now()}-${Math.random()}`;
    const backend = { kind: "redis" as const, url: process.env.REDIS_URL! };
    const a = createLimiter({ prefix, limit: 3, windowSeconds: 60, backend });
    const b = createLimiter({ prefix, limit: 3, windowSeconds: 60, backend });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const results = [
      await a.check("k"),
      await b.check("k"),
      await a.check("k"),
      await b.check("k"),
    ];
    expect(results.map((r) => r.success)).toEqual([true, true, true, false]);
    expect(results.every((r) => r.backend === "redis")).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });

  it("still limits, in process, when Redis is unreachable", async () => {
    const limiter = createLimiter({
      prefix: "etums:rl:test-down",
      limit: 3,
      windowSeconds: 60,
      backend: { kind: "redis", url: "redis://127.0.0.1:1" },
    });
    const results = [];
    for (let i = 0; i < 5; i += 1) results.push(await limiter.check("k"));
    expect(results.map((r) => r.success)).toEqual([true, true, true, false, false]);
    expect(results.every((r) => r.backend === "memory")).toBe(true);
    expect(results[4]!.remaining).toBe(0);
    await limiter.close();
  });

  it("tells a refused caller a wait after which a retry gets through, in Redis and in process", async () => {
    for (const backend of [
      { kind: "redis" as const, url: process.env.REDIS_URL! },
      { kind: "memory" as const },
    ]) {
      const limiter = createLimiter({
        prefix: `etums:rl:test-retry-${crypto.randomUUID()}`,
        limit: 2,
        windowSeconds: 2,
        backend,
      });
      // At a window's start, so that both requests and the refusal fall in one window.
      await new Promise((resolve) => setTimeout(resolve, 2000 - (Date.now() % 2000) + 20));
      await limiter.check("k");
      await limiter.check("k");
      const refused = await limiter.check("k");
      expect(refused.success).toBe(false);
      // The window's end alone is too soon: the sliding window still counts the last requests.
      expect(refused.retryAt).toBeGreaterThan(refused.reset);
      await new Promise((resolve) => setTimeout(resolve, refused.retryAt - Date.now() + 20));
      expect((await limiter.check("k")).success).toBe(true);
      await limiter.close();
    }
  });

  it("has an in-process limiter when no Redis is configured", async () => {
    const limiter = createLimiter({
      prefix: "p",
      limit: 2,
      windowSeconds: 60,
      backend: { kind: "memory" },
    });
    const results = [await limiter.check("a"), await limiter.check("a"), await limiter.check("a")];
    expect(results.map((r) => r.success)).toEqual([true, true, false]);
    expect((await limiter.check("b")).success).toBe(true);
  });

  it("gives each of several server processes its share of the limit while Redis is away", async () => {
    const limiter = createLimiter({
      prefix: "etums:rl:test-shared-down",
      limit: 7,
      windowSeconds: 60,
      backend: { kind: "redis", url: "redis://127.0.0.1:1" },
      processes: 2,
    });
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await limiter.check("k"));
    expect(results.map((r) => r.success)).toEqual([true, true, true, false]);
    expect(results[0]!.limit).toBe(3);
    await limiter.close();
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { api } from "../helpers/api";
import { makeUser } from "../helpers/factories";
import { freshIp, login, refresh } from "./auth-helpers";
import { sessionCookie } from "./session-cookie";

process.env.RATE_LIMIT_LOGIN = "8/60s";

type LogLine = { level: string; msg: string; requestId?: string; ip?: string; userId?: number };

function logText(): string {
  return fs.readFileSync(path.resolve(config().LOG_FILE), "utf8");
}

function linesFor(ip: string): LogLine[] {
  return logText()
    .split("\n")
    .filter((line) => line.includes(ip))
    .map((line) => JSON.parse(line) as LogLine)
    .filter((line) => line.ip === ip);
}

describe("auth logging", () => {
  it("logs failures, lockouts, refused tokens and 429s at warn, without secrets", async () => {
    const user = await makeUser("EMPLOYEE");
    const wrongPassword = `Wrong-${crypto.randomUUID()}`;
    const ip = freshIp();
    const secrets: string[] = [user.password, wrongPassword, user.token];

    const pair = (await login(user.email, user.password, ip)).body;
    secrets.push(pair.access, pair.refresh);
    const rotated = (await refresh(pair.refresh, ip)).body;
    secrets.push(rotated.access, rotated.refresh);
    expect((await refresh(pair.refresh, ip)).status).toBe(401); // reuse
    const cookie = await sessionCookie(user);
    secrets.push(cookie.split("=")[1]!);
    await api("GET", "/api/users/me/", { headers: { cookie, "x-forwarded-for": ip } });
    const garbage = `${pair.access.slice(0, -4)}AAAA`;
    secrets.push(garbage);
    await api("GET", "/api/users/me/", { token: garbage, headers: { "x-forwarded-for": ip } });
    // Five wrong passwords lock the account (429 account_locked); sign-ins past the limit (8) are
    // throttled (429 throttled). The sliding window counts the window before at a weight that
    // shrinks as the new one goes on, so across a boundary a sign-in or two more may get through.
    for (let i = 0; i < 7; i += 1) await login(user.email, wrongPassword, ip);
    let throttled = await login(user.email, user.password, ip);
    for (let extra = 0; extra < 8 && throttled.body.code !== "throttled"; extra += 1) {
      throttled = await login(user.email, user.password, ip);
    }
    expect(throttled.status).toBe(429);
    expect(throttled.body.code).toBe("throttled");

    const lines = linesFor(ip);
    const warned = (msg: string) => lines.filter((l) => l.level === "warn" && l.msg === msg);
    for (const msg of [
      "sign-in failed",
      "account locked after repeated sign-in failures",
      "refresh token refused",
      "token refused",
      "rate limit exceeded",
    ]) {
      expect(warned(msg).length, msg).toBeGreaterThan(0);
      for (const line of warned(msg)) expect(line.requestId, msg).toMatch(/\S{8,}/);
    }
    expect(warned("sign-in failed")[0]!.userId).toBe(user.id);
    expect(warned("refresh token refused")[0]!.userId).toBe(user.id);

    const text = logText();
    for (const secret of secrets) expect(text.includes(secret)).toBe(false);
    expect(text).not.toMatch(/"password"\s*:\s*"(?!\[redacted\])/);
  });
});

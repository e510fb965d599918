import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { db, pool } from "@/db/client";
import { onRequestError } from "@/instrumentation";
import { authOptions } from "@/lib/auth/next-auth-options";
import { logger } from "@/lib/logger";
import { TOKEN_USER_SQL } from "@/lib/services/sessions";
import { api } from "../helpers/api";
import { makeUser, type TestUser } from "../helpers/factories";

const logFile = path.resolve(process.env.LOG_FILE ?? "logs/test.log");

function linesWith(marker: string): Record<string, unknown>[] {
  return fs
    .readFileSync(logFile, "utf8")
    .split("\n")
    .filter((line) => line.includes(marker))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("logger", () => {
  it("writes JSON lines to LOG_FILE with level and time", () => {
    const marker = `marker-${crypto.randomUUID()}`;
    logger().info({ requestId: "req-12345678" }, marker);
    const [line] = linesWith(marker);
    expect(line).toMatchObject({
      level: "info",
      msg: marker,
      requestId: "req-12345678",
      service: "etums",
    });
    expect(typeof line!.time).toBe("string");
  });

  it("never writes passwords, tokens, authorization or cookies in clear", () => {
    const marker = `secret-${crypto.randomUUID()}`;
    const secrets = {
      password: "Sup3r-Secret-Password",
      token: "eyJhbGciOiJIUzI1NiJ9.secret-token",
      refresh: "refresh-token-value",
      headers: { authorization: "Bearer live-access-token", cookie: "next-auth.session-token=abc" },
      body: { new_password: "another-secret-value" },
      err: Object.assign(new Error("refused"), { token: "error-borne-token" }),
    };
    logger().warn(secrets, marker);
    const raw = fs
      .readFileSync(logFile, "utf8")
      .split("\n")
      .find((l) => l.includes(marker))!;
    for (const value of [
      "Sup3r-Secret-Password",
      "secret-token",
      "refresh-token-value",
      "live-access-token",
      "session-token=abc",
      "another-secret-value",
      "error-borne-token",
    ]) {
      expect(raw).not.toContain(value);
    }
    expect(JSON.parse(raw)).toMatchObject({
      password: "[redacted]",
      headers: { authorization: "[redacted]" },
    });
  });

  it("logs a failed query's text but never its bound values (drizzle's params, mysql2's sql)", async () => {
    const secret = `$argon2id$v=19$m=65536$${crypto.randomUUID()}`;
    const viaDrizzle = await db()
      .execute(sql`SELECT * FROM no_such_table WHERE password_hash = ${secret}`)
      .catch((error: unknown) => error);
    const viaMysql2 = await pool()
      .query("SELECT * FROM no_such_table WHERE password_hash = ?", [secret])
      .catch((error: unknown) => error);
    const marker = `query-error-${crypto.randomUUID()}`;
    logger().error({ err: viaDrizzle }, marker);
    logger().error({ err: viaMysql2 }, marker);
    const lines = fs
      .readFileSync(logFile, "utf8")
      .split("\n")
      .filter((line) => line.includes(marker));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toContain(secret);
    const [drizzleLine] = lines.map((line) => JSON.parse(line) as { err: Record<string, string> });
    expect(drizzleLine!.err.message).toContain(
      "Failed query: SELECT * FROM no_such_table WHERE password_hash = ?",
    );
    expect(drizzleLine!.err.message).toContain("doesn't exist");
  });

  it("logs something thrown that is not an Error as it is", () => {
    const marker = `thrown-string-${crypto.randomUUID()}`;
    logger().error({ err: "boom" }, marker);
    const [line] = linesWith(marker);
    expect(line!.err).toBe("boom");
  });

  it("writes one line per API request with method, path, status, duration and request id", async () => {
    const requestId = `req-${crypto.randomUUID()}`;
    await api("GET", "/api/health/", { headers: { "x-request-id": requestId } });
    const [line] = linesWith(requestId);
    expect(line).toMatchObject({ requestId, method: "GET", path: "/api/health/", status: 200 });
    expect(typeof line!.durationMs).toBe("number");
  });

  it("names a signed-in caller once per line: strict JSON readers refuse a repeated key", async () => {
    const user = await makeUser("EMPLOYEE");
    const requestId = `req-${crypto.randomUUID()}`;
    await api("GET", "/api/users/me/", {
      token: user.token,
      headers: { "x-request-id": requestId },
    });
    const raw = fs
      .readFileSync(logFile, "utf8")
      .split("\n")
      .filter((line) => line.includes(requestId));
    expect(raw).toHaveLength(1);
    expect(raw[0]!.match(/"userId":/g)).toHaveLength(1);
    expect(JSON.parse(raw[0]!)).toMatchObject({ userId: user.id, status: 200 });
  });

  it("names the account once on the sign-in lines of a signed-in user's own password check", async () => {
    const user = await makeUser("MANAGER");
    const requestId = `req-${crypto.randomUUID()}`;
    const res = await api("POST", "/api/users/me/password/", {
      token: user.token,
      headers: { "x-request-id": requestId },
      body: { current_password: "not-the-password", new_password: "Another-long-passphrase-7" },
    });
    expect(res.status).toBe(400);
    const raw = fs
      .readFileSync(logFile, "utf8")
      .split("\n")
      .filter((line) => line.includes(requestId));
    expect(raw.map((line) => JSON.parse(line).msg)).toEqual(["sign-in failed", "request refused"]);
    for (const line of raw) expect(line.match(/"userId":/g)).toHaveLength(1);
    expect(JSON.parse(raw[0]!)).toMatchObject({ userId: user.id, reason: "wrong password" });
  });

  it("logs a refused call (403, 400) and a server error (500) with who, where and what, never a credential", async () => {
    const admin = await makeUser("ADMIN");
    const employee = await makeUser("EMPLOYEE");
    const password = `Pw-${crypto.randomUUID()}`;
    const call = async (user: TestUser, method: string, path: string, body: unknown) => {
      const requestId = `req-${crypto.randomUUID()}`;
      const res = await api(method, path, {
        token: user.token,
        body,
        headers: { "x-request-id": requestId },
      });
      return { status: res.status, requestId };
    };
    const forbidden = await call(employee, "POST", "/api/tasks/", { title: "not mine" });
    const invalid = await call(admin, "POST", "/api/users/", {
      email: "not-an-email",
      full_name: "Bad Email",
      password,
    });
    // The database fails after the caller's lookup: an unhandled error while changing a password.
    const p = pool();
    const query = p.query.bind(p) as (...args: unknown[]) => unknown;
    vi.spyOn(p, "query").mockImplementation(((...args: unknown[]) =>
      args[0] === TOKEN_USER_SQL
        ? query(...args)
        : Promise.reject(new Error("Connection lost"))) as never);
    vi.spyOn(p, "getConnection").mockRejectedValue(new Error("Connection lost"));
    const failed = await call(admin, "PATCH", `/api/users/${employee.id}/`, { password }).finally(
      () => vi.restoreAllMocks(),
    );

    const cases = [
      [forbidden, 403, "warn", employee, "POST", "/api/tasks/"],
      [invalid, 400, "warn", admin, "POST", "/api/users/"],
      [failed, 500, "error", admin, "PATCH", `/api/users/${employee.id}/`],
    ] as const;
    for (const [{ status, requestId }, expected, level, user, method, path] of cases) {
      expect(status).toBe(expected);
      const lines = linesWith(requestId);
      expect(lines.find((line) => line.status === expected)).toMatchObject({
        level,
        requestId,
        userId: user.id,
        method,
        path,
        status: expected,
      });
      const raw = JSON.stringify(lines);
      for (const secret of [user.token, password, "Bearer", "authorization"]) {
        expect(raw).not.toContain(secret);
      }
    }
    expect(linesWith(failed.requestId)).toContainEqual(
      expect.objectContaining({
        level: "error",
        msg: "unhandled error",
        route: `/api/users/${employee.id}/`,
        err: expect.objectContaining({ message: "Connection lost" }),
      }),
    );
  });

  it("a server buffers its lines yet flushes them on exit; LOG_STDOUT=0 keeps stdout clean", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "etums-log-")), "server.log");
    const marker = `server-${crypto.randomUUID()}`;
    const script = `import { sql } from "drizzle-orm";
import { db, pool } from "@/db/client";
import { logger } from "@/lib/logger"; logger().info("${marker}"); process.exit(0);`;
    const run = (stdout: string) =>
      spawnSync(path.resolve("node_modules/.bin/tsx"), ["-e", script], {
        env: {
          ...process.env,
          NODE_ENV: "production",
          LOG_FILE: file,
          LOG_STDOUT: stdout,
          JWT_SECRET: "logger-test-jwt-secret-long-enough-0123456789",
          NEXTAUTH_SECRET: "logger-test-nextauth-secret-long-enough-0123",
        },
        encoding: "utf8",
      });
    const quiet = run("0");
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).not.toContain(marker);
    const loud = run("1");
    expect(loud.stdout).toContain(marker);
    const lines = fs.readFileSync(file, "utf8").split("\n");
    expect(lines.filter((line) => line.includes(marker))).toHaveLength(2);
  });
});

describe("log rotation", () => {
  it("after SIGHUP's reopen, a logger made before writes its next line to a new file at LOG_FILE", () => {
    const marker = `rotation-${crypto.randomUUID()}`;
    const requestLog = logger().child({ marker });
    requestLog.info("before rotation");
    const rotated = `${logFile}.rotated-${process.pid}`;
    fs.renameSync(logFile, rotated);
    try {
      (globalThis as unknown as { etumsReopenLog?: () => void }).etumsReopenLog!();
      requestLog.info("after rotation");
      const fresh = fs.readFileSync(logFile, "utf8");
      expect(fresh).toContain(`"marker":"${marker}"`);
      expect(fresh).toContain("after rotation");
      expect(fresh).not.toContain("before rotation");
      expect(fs.readFileSync(rotated, "utf8")).toContain("before rotation");
    } finally {
      // Other files search this log by their own markers: keep every line in it.
      fs.appendFileSync(logFile, fs.readFileSync(rotated));
      fs.rmSync(rotated);
    }
  });
});

describe("failures outside the API's handlers", () => {
  it("are one JSON line each in LOG_FILE: next-auth's, and a page's, without its query", async () => {
    const marker = `unreadable-${crypto.randomUUID()}`;
    authOptions().logger!.error!("JWT_SESSION_ERROR", new Error(marker));
    expect(linesWith(marker)).toEqual([
      expect.objectContaining({
        level: "warn",
        msg: "next-auth",
        code: "JWT_SESSION_ERROR",
        reason: marker,
      }),
    ]);

    const page = `page-${crypto.randomUUID()}`;
    // As in a Node.js server; the Edge runtime has no file log.
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    await onRequestError(
      new Error(page),
      { path: "/admin?token=query-borne-secret", method: "GET", headers: {} },
      {
        routerKind: "App Router",
        routePath: "/admin",
        routeType: "render",
        revalidateReason: undefined,
      },
    );
    vi.unstubAllEnvs();
    const [line] = linesWith(page);
    expect(line).toMatchObject({
      level: "error",
      msg: "request failed",
      path: "/admin",
      route: "/admin",
    });
    expect(JSON.stringify(line)).not.toContain("query-borne-secret");
  });
});

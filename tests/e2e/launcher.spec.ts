import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import mysql from "mysql2/promise";
import { splitDatabaseUrl } from "../../db/database-url";
import { STARTUP_REFUSED } from "../../lib/cli/exit-codes.mjs";
import { E2E_DATABASE_URL, E2E_PORT } from "./env";
import { childPids, processTree } from "../helpers/processes";
import { DEMO } from "./helpers/demo-accounts";
import { exitWithin, launch } from "./helpers/launcher";

const PORT = E2E_PORT + 2;
const LIVE = `http://127.0.0.1:${PORT}/api/health/live/`;

async function answers(): Promise<boolean> {
  try {
    return (await fetch(LIVE)).status === 200;
  } catch {
    return false;
  }
}

test("npm start serves from one worker per WEB_CONCURRENCY, replaces a crashed one and stops cleanly", async () => {
  test.setTimeout(90_000);
  const server = launch({ PORT: String(PORT), WEB_CONCURRENCY: "2" });
  try {
    await expect.poll(() => server.output(), { timeout: 60_000 }).toContain("2 worker processes");
    const primary = server.process.pid!;
    const workers = childPids(primary);
    expect(workers).toHaveLength(2);
    expect(await answers()).toBe(true);

    process.kill(workers[0]!, "SIGKILL");
    await expect
      .poll(() => childPids(primary).filter((pid) => !workers.includes(pid)), { timeout: 60_000 })
      .toHaveLength(1);
    expect(server.output()).toContain(`Worker ${workers[0]} exited (SIGKILL): starting another.`);
    await expect.poll(answers, { timeout: 30_000 }).toBe(true);
    const survivors = childPids(primary);

    server.process.kill("SIGTERM");
    expect(await exitWithin(server, 20_000)).toBe(0);
    expect(survivors.filter((pid) => childPids(primary).includes(pid))).toEqual([]);
    expect(await answers()).toBe(false);
  } finally {
    server.process.kill("SIGKILL");
  }
});

test("on SIGHUP (logrotate's postrotate), every worker starts a new LOG_FILE and keeps serving", async () => {
  test.setTimeout(90_000);
  const logFile = `logs/e2e-rotate-${process.pid}.log`;
  const absolute = path.resolve(__dirname, "../..", logFile);
  const server = launch({ PORT: String(PORT), WEB_CONCURRENCY: "2", LOG_FILE: logFile });
  // A new connection each time: the primary hands connections to the workers in turn.
  const requestWith = (id: string) =>
    new Promise<number>((resolve, reject) => {
      http
        .get(LIVE, { agent: false, headers: { "x-request-id": id } }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode!));
        })
        .on("error", reject);
    });
  // A path npm start refuses itself (a bad %-escape); its answer names the line's request id.
  const malformedRequestId = () =>
    new Promise<string>((resolve, reject) => {
      http
        .get(`http://127.0.0.1:${PORT}/api/%zz`, { agent: false }, (res) => {
          res.resume();
          res.on("end", () => resolve(String(res.headers["x-request-id"])));
        })
        .on("error", reject);
    });
  try {
    await expect.poll(() => server.output(), { timeout: 60_000 }).toContain("2 worker processes");
    const before = `rotate-before-${Date.now()}`;
    for (let i = 0; i < 4; i += 1) expect(await requestWith(`${before}-${i}`)).toBe(200);
    await expect
      .poll(() => fs.readFileSync(absolute, "utf8"), { timeout: 10_000 })
      .toContain(before);
    fs.renameSync(absolute, `${absolute}.1`);

    server.process.kill("SIGHUP");
    const after = `rotate-after-${Date.now()}`;
    // Both workers, whichever the connections land on, write to the new file.
    await expect
      .poll(
        async () => {
          for (let i = 0; i < 4; i += 1) await requestWith(`${after}-${i}`);
          return fs.existsSync(absolute) ? fs.readFileSync(absolute, "utf8") : "";
        },
        { timeout: 20_000 },
      )
      .toContain(after);
    const last = `rotate-last-${Date.now()}`;
    for (let i = 0; i < 6; i += 1) expect(await requestWith(`${last}-${i}`)).toBe(200);
    await expect
      .poll(() => fs.readFileSync(absolute, "utf8").split(last).length - 1, { timeout: 10_000 })
      .toBe(6);
    expect(fs.readFileSync(`${absolute}.1`, "utf8")).not.toContain(last);
    // So do the lines of requests refused before Next.js sees them (lib/cli/refusal-logger.mjs).
    const refused: string[] = [];
    for (let i = 0; i < 4; i += 1) refused.push(await malformedRequestId());
    await expect
      .poll(() => refused.filter((id) => fs.readFileSync(absolute, "utf8").includes(id)), {
        timeout: 10_000,
      })
      .toHaveLength(4);
    expect(childPids(server.process.pid!)).toHaveLength(2);
  } finally {
    server.process.kill("SIGKILL");
    for (const file of [absolute, `${absolute}.1`]) fs.rmSync(file, { force: true });
  }
});

test("npm start refuses a database that lacks this version's migrations, saying what to run", async () => {
  test.setTimeout(150_000);
  const { serverUrl } = splitDatabaseUrl(E2E_DATABASE_URL);
  const database = `etums_e2e_unmigrated_${process.pid}`;
  const server = await mysql.createConnection({ uri: serverUrl });
  await server.query(`CREATE DATABASE IF NOT EXISTS \`${database}\``);
  try {
    // One process or several: the server stops, without first saying it is ready, and no worker
    // is started again in a loop; its exit code tells a service manager not to restart it.
    for (const workers of ["1", "2"]) {
      const app = launch({
        PORT: String(PORT),
        WEB_CONCURRENCY: workers,
        DATABASE_URL: `${serverUrl.replace(/\/$/, "")}/${database}`,
      });
      expect(await exitWithin(app, 60_000)).toBe(STARTUP_REFUSED);
      expect(app.output()).toMatch(
        /ETUMS cannot start: the database lacks \d+ of this version's migrations; run npm run db:migrate first\./,
      );
      expect(app.output()).not.toContain("ETUMS ready");
      expect(app.output()).not.toContain("starting another");
    }
  } finally {
    await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await server.end();
  }
});

/** The URL with another account, one the database server does not know. */
function withAccount(url: string, user: string): string {
  const changed = new URL(url);
  changed.username = user;
  changed.password = "";
  return changed.toString();
}

test("npm start refuses a database account or name that is wrong, and a log file it cannot write", async () => {
  test.setTimeout(150_000);
  const { serverUrl } = splitDatabaseUrl(E2E_DATABASE_URL);
  const cases: [Record<string, string>, string][] = [
    [
      { DATABASE_URL: withAccount(E2E_DATABASE_URL, "etums_nobody") },
      "ETUMS cannot start: the database refused the account in DATABASE_URL (Access denied",
    ],
    [
      { DATABASE_URL: `${serverUrl.replace(/\/$/, "")}/etums_e2e_missing_${process.pid}` },
      "ETUMS cannot start: the database named in DATABASE_URL does not exist; run npm run db:migrate to create it.",
    ],
    [
      { LOG_FILE: "package.json/app.log" },
      "ETUMS cannot start: cannot write the log file LOG_FILE=package.json/app.log:",
    ],
  ];
  for (const [env, refusal] of cases) {
    const app = launch({ PORT: String(PORT), WEB_CONCURRENCY: "2", ...env });
    expect(await exitWithin(app, 60_000)).toBe(STARTUP_REFUSED);
    expect(app.output()).toContain(refusal);
    expect(app.output()).not.toContain("ETUMS ready");
  }
});

test("npm start takes HOST, PORT and WEB_CONCURRENCY from the env files, as npm run demo does", async () => {
  test.setTimeout(90_000);
  // .env.production.local is read by production servers only; one of the developer's is kept aside.
  const envFile = path.resolve(__dirname, "../..", ".env.production.local");
  const kept = `${envFile}.e2e-kept`;
  if (fs.existsSync(envFile)) fs.renameSync(envFile, kept);
  fs.writeFileSync(envFile, `HOST=127.0.0.1\nPORT=${PORT}\nWEB_CONCURRENCY=1\n`);
  const server = launch({}, { unset: ["HOST", "PORT", "WEB_CONCURRENCY"] });
  try {
    await expect
      .poll(() => server.output(), { timeout: 60_000 })
      .toContain(`ETUMS ready on http://127.0.0.1:${PORT} (1 process)`);
    expect(await answers()).toBe(true);
  } finally {
    server.process.kill("SIGKILL");
    fs.rmSync(envFile, { force: true });
    if (fs.existsSync(kept)) fs.renameSync(kept, envFile);
  }
});

test("npm start refuses a WEB_CONCURRENCY that is not a whole number of processes", async () => {
  const server = launch({ PORT: String(PORT), WEB_CONCURRENCY: "two" });
  // A setting at fault: the code a supervisor is told not to restart on (exit-codes.mjs).
  expect(await exitWithin(server, 20_000)).toBe(78);
  expect(server.output()).toContain(
    'WEB_CONCURRENCY must be a whole number of processes (1 or more), not "two".',
  );
});

test("npm start refuses to serve the production build as development, with its fallback secrets", async () => {
  const server = launch({
    PORT: String(PORT),
    NODE_ENV: "development",
    JWT_SECRET: "",
    NEXTAUTH_SECRET: "",
  });
  expect(await exitWithin(server, 20_000)).toBe(78);
  expect(server.output()).toContain(
    'npm start serves the production build: NODE_ENV must be "production" or unset, not "development".',
  );
});

test("npm start stops, naming the address, when the port is taken", async () => {
  const squatter = net.createServer();
  await new Promise<void>((resolve) => squatter.listen(PORT, "127.0.0.1", resolve));
  try {
    const server = launch({ PORT: String(PORT), WEB_CONCURRENCY: "2" });
    expect(await exitWithin(server, 60_000)).toBe(1);
    expect(server.output()).toContain(
      `Cannot serve on 127.0.0.1:${PORT}: something else already listens there.`,
    );
    expect(server.output()).toContain("before it could serve: stopping.");
  } finally {
    await new Promise((resolve) => squatter.close(resolve));
  }
});

test("npm start without a build says so in one line and stops", async () => {
  const server = launch({ PORT: String(PORT), WEB_CONCURRENCY: "1", NEXT_DIST_DIR: ".next-none" });
  expect(await exitWithin(server, 60_000)).toBe(1);
  expect(server.output()).toContain(
    "ETUMS cannot start: Could not find a production build in the '.next-none' directory.",
  );
  expect(server.output()).not.toMatch(/\n\s+at /);
});

test("on SIGTERM, a request already under way is answered before the server exits", async () => {
  test.setTimeout(90_000);
  const server = launch({ PORT: String(PORT), WEB_CONCURRENCY: "2", RATE_LIMIT_LOGIN: "1000/60s" });
  try {
    await expect.poll(() => server.output(), { timeout: 60_000 }).toContain("2 worker processes");
    const body = JSON.stringify(DEMO.admin);
    const half = Math.floor(body.length / 2);
    let finish: (rest: string) => void = () => {};
    const answer = new Promise<{ status: number; connection?: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: "127.0.0.1",
          port: PORT,
          path: "/api/auth/login/",
          method: "POST",
          headers: { "content-type": "application/json", "content-length": body.length },
        },
        (response) => {
          response.resume();
          response.on("end", () =>
            resolve({ status: response.statusCode!, connection: response.headers.connection }),
          );
        },
      );
      request.on("error", reject);
      request.write(body.slice(0, half));
      finish = (rest) => request.end(rest);
    });
    // The request's head and half its body are with a worker when the stop arrives.
    await new Promise((resolve) => setTimeout(resolve, 500));
    server.process.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    finish(body.slice(half));
    // Answered, and its kept-alive connection closed: the client's next request goes elsewhere.
    expect(await answer).toEqual({ status: 200, connection: "close" });
    expect(await exitWithin(server, 20_000)).toBe(0);
  } finally {
    server.process.kill("SIGKILL");
  }
});

test("on SIGTERM, a request still under way after SHUTDOWN_TIMEOUT_MS is cut, and stderr says so", async () => {
  test.setTimeout(90_000);
  const server = launch({ PORT: String(PORT), WEB_CONCURRENCY: "1", SHUTDOWN_TIMEOUT_MS: "1500" });
  try {
    await expect.poll(() => server.output(), { timeout: 60_000 }).toContain("(1 process)");
    // Half a body that never ends: the request stays under way until the server gives up.
    const cut = new Promise<string>((resolve) => {
      const request = http.request({
        host: "127.0.0.1",
        port: PORT,
        path: "/api/auth/login/",
        method: "POST",
        headers: { "content-type": "application/json", "content-length": 100 },
      });
      request.on("error", (error) => resolve(error.message));
      request.on("response", (response) => resolve(`answered ${response.statusCode}`));
      request.write('{"email":');
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stoppedAt = Date.now();
    server.process.kill("SIGTERM");
    expect(await exitWithin(server, 20_000)).toBe(0);
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(1400);
    expect(await cut).toMatch(/socket hang up|ECONNRESET/);
    expect(server.output()).toContain(
      "Stopping with 1 connection(s) still open after SHUTDOWN_TIMEOUT_MS=1500: they are cut.",
    );
  } finally {
    server.process.kill("SIGKILL");
  }
});

test("SIGTERM to npm start stops the server: nothing is left serving once npm has exited", async () => {
  test.setTimeout(90_000);
  const server = launch({ PORT: String(PORT), WEB_CONCURRENCY: "1" }, { viaNpm: true });
  let tree: number[] = [];
  try {
    await expect.poll(answers, { timeout: 60_000 }).toBe(true);
    tree = processTree(server.process.pid!);
    server.process.kill("SIGTERM");
    expect(await exitWithin(server, 20_000)).not.toBeNull();
    expect(await answers()).toBe(false);
  } finally {
    for (const pid of tree.reverse()) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
});

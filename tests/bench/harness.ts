// Reusable pieces of `npm run bench`: start servers, sign tokens, run autocannon, print a table.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import mysql from "mysql2/promise";
import type { Role } from "../../lib/domain/enums";
import { signAccessToken } from "../../lib/auth/tokens";
import { buildStatus, distDirOf, recordBuild } from "../../lib/cli/build-stamp.mjs";
import { treeCpuMs } from "./process-stats";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "node_modules/.bin");

export type RunningServer = { name: string; url: string; stop: () => Promise<void> };

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Spawns a server in its own process group and waits until its health URL answers 200. */
export async function startServer(options: {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  baseUrl: string;
  healthPath: string;
}): Promise<RunningServer> {
  const child = spawn(options.command, options.args, {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
  try {
    await waitForHealth(`${options.baseUrl}${options.healthPath}`, child, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name: options.name, url: options.baseUrl, stop };
}

/** `next build` into NEXT_DIST_DIR (or .next) unless the build there is from these sources. */
export function ensureBuild(): void {
  const { current, fingerprint } = buildStatus(ROOT);
  if (current) return;
  console.log(`No current build in ${distDirOf(ROOT)}: running next build (2–5 minutes)…`);
  const result = spawnSync(path.join(BIN, "next"), ["build"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("next build failed");
  recordBuild(ROOT, fingerprint);
}

/**
 * Worker processes per server, the same for the app and the raw baseline so that both get the
 * whole machine: `npm start` runs one Next.js process per core unless WEB_CONCURRENCY says less.
 */
export const BENCH_WORKERS = Number(process.env.BENCH_WORKERS ?? os.availableParallelism());

/** The production app (`npm start`) on `port`, against `databaseUrl`, with limits out of the way. */
export async function startApp(port: number, env: Record<string, string>): Promise<RunningServer> {
  ensureBuild();
  return startServer({
    name: "app",
    command: process.execPath,
    args: ["lib/cli/start.mjs"],
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      WEB_CONCURRENCY: String(BENCH_WORKERS),
      ...env,
    },
    baseUrl: `http://127.0.0.1:${port}`,
    healthPath: "/api/health/",
  });
}

/**
 * An hour's access token for a seeded user, from a sign-in (a refresh-token family) recorded in
 * the bench database, as the app checks on every request.
 */
export async function tokenFor(databaseUrl: string, userId: number, role: Role): Promise<string> {
  const familyId = randomUUID();
  const connection = await mysql.createConnection(databaseUrl);
  try {
    await connection.query(
      "INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)" +
        " VALUES (?, ?, SHA2(UUID(), 256), NOW(3) + INTERVAL 1 DAY)",
      [userId, familyId],
    );
  } finally {
    await connection.end();
  }
  return signAccessToken({ userId, role, sessionVersion: 1, familyId }, 3600);
}

export type Measurement = {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The server process's CPU time per request: steadier than req/s on a shared, noisy host. */
  cpuMsPerRequest: number | null;
};

export type LoadSpec = {
  path: string;
  method?: "GET" | "PATCH" | "POST";
  token: string;
  /** Called before each request: lets a scenario rotate over rows (e.g. PATCH different tasks). */
  next?: () => { path: string; body?: string };
};

/**
 * autocannon against `baseUrl + spec.path`; short runs keep the whole bench within minutes. With
 * `serverPid`, the server's CPU time over the run is divided among the requests it answered.
 */
export async function load(
  baseUrl: string,
  spec: LoadSpec,
  connections: number,
  seconds: number,
  serverPid?: number,
): Promise<Measurement> {
  const cpuBefore = serverPid ? treeCpuMs(serverPid) : 0;
  const headers = { authorization: `Bearer ${spec.token}`, "content-type": "application/json" };
  const result = await autocannon({
    url: `${baseUrl}${spec.path}`,
    method: spec.method ?? "GET",
    headers,
    connections,
    duration: seconds,
    requests: spec.next
      ? [
          {
            setupRequest: (request) => {
              const next = spec.next!();
              return { ...request, path: next.path, body: next.body };
            },
          },
        ]
      : undefined,
  });
  const cpu = serverPid ? treeCpuMs(serverPid) - cpuBefore : null;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    cpuMsPerRequest:
      cpu === null || result.requests.total === 0 ? null : cpu / result.requests.total,
  };
}

export type BenchRow = {
  scenario: string;
  connections: number;
  app: Measurement;
  baseline: Measurement | null;
  /** The app's page 1, measured right beside this deep page: what the deep page is judged against. */
  pageOne?: Measurement;
  /** app/raw in each round, when the row is the median of several. */
  roundRatios?: number[];
  /** Each target the scenario's figure must reach, with its verdict (for the table). */
  target?: string;
  ok?: boolean;
};

const ratioOf = (r: BenchRow) => (r.baseline ? r.app.rps / r.baseline.rps : r.app.rps);

/**
 * Of one scenario's rounds, the round with the median app/raw ratio (app req/s without a
 * baseline): a burst on the shared host skews one round, not the figure reported.
 */
export function medianRound(rounds: BenchRow[]): BenchRow {
  const sorted = [...rounds].sort((a, b) => ratioOf(a) - ratioOf(b));
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { ...median, roundRatios: rounds.map(ratioOf) };
}

export const rangeCell = (values: number[]) =>
  `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;

const cpuCell = (m: Measurement) =>
  m.cpuMsPerRequest === null ? "-" : m.cpuMsPerRequest.toFixed(2);

/** A plain-text table: req/s, p50 and p99 for app and baseline, their ratio, and CPU per request. */
export function printTable(title: string, rows: BenchRow[]): void {
  const header = [
    "scenario",
    "conns",
    "app req/s",
    "p50 ms",
    "p99 ms",
    "raw req/s",
    "p50 ms",
    "p99 ms",
    "app/raw",
    "rounds",
    "CPU ms/req app",
    "raw",
    "target",
  ];
  const lines = rows.map((r) => [
    r.scenario,
    String(r.connections),
    r.app.rps.toFixed(0),
    String(r.app.p50),
    String(r.app.p99),
    r.baseline ? r.baseline.rps.toFixed(0) : "-",
    r.baseline ? String(r.baseline.p50) : "-",
    r.baseline ? String(r.baseline.p99) : "-",
    r.baseline ? (r.app.rps / r.baseline.rps).toFixed(2) : "-",
    r.baseline && r.roundRatios ? rangeCell(r.roundRatios) : "-",
    cpuCell(r.app),
    r.baseline ? cpuCell(r.baseline) : "-",
    r.target ?? "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(`\n${title}`);
  console.log(format(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const line of lines) console.log(format(line));
  const failed = rows.filter((r) => (r.app.non2xx || r.app.errors) > 0);
  for (const r of failed) {
    console.log(
      `! ${r.scenario} @${r.connections}: ${r.app.non2xx} non-2xx, ${r.app.errors} errors`,
    );
  }
}

// `npm run bench`: 1,000 users and 100,000 tasks in etums_bench, the production app beside a raw
// node:http + mysql2 baseline, autocannon at 8 and 32 connections, and a table of the figures.
import path from "node:path";
import { explainListQueries } from "./explain";
import {
  BENCH_WORKERS,
  ROOT,
  load,
  medianRound,
  rangeCell,
  printTable,
  startApp,
  startServer,
  tokenFor,
  type BenchRow,
  type LoadSpec,
  type Measurement,
  type RunningServer,
} from "./harness";
import { listenerPid } from "./process-stats";
import { BENCH_TASKS, BENCH_USERS, seedBenchDatabase } from "./seed";
import { runBulkBench } from "./bulk";

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/etums_bench";
const APP_PORT = Number(process.env.BENCH_PORT ?? 3232);
const RAW_PORT = Number(process.env.BENCH_RAW_PORT ?? 3233);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
// Rounds over every scenario, interleaved: each figure reported is its median round.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// A server's first thousand requests run before V8 has optimised its hot paths; both servers get
// the same warm-up so the runs compare steady states.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const CONNECTIONS = [8, 32];

const SERVER_ENV = {
  DATABASE_URL,
  JWT_SECRET: process.env.BENCH_JWT_SECRET ?? "bench-jwt-secret-that-is-long-enough-0123456789",
  NEXTAUTH_SECRET: "bench-nextauth-secret-long-enough-0123456789",
  NEXTAUTH_URL: `http://127.0.0.1:${APP_PORT}`,
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  RATE_LIMIT_API: "100000000/60s",
  RATE_LIMIT_ANON: "100000000/60s",
  LOG_FILE: "logs/bench.log",
};

/**
 * `rawPath`: what the raw server answers for the same scenario when its path differs.
 * `besidePageOne`: a deep page, measured back to back with a run of the admin's page 1 (which comes
 * first alternates by round), so that their ratio is not the host's drift between two moments.
 */
type Scenario = {
  name: string;
  spec: LoadSpec;
  baseline: boolean;
  rawPath?: string;
  besidePageOne?: boolean;
};

const FLOOR = "floor: liveness";

async function main(): Promise<void> {
  // The bench signs tokens in-process with the servers' secret.
  Object.assign(process.env, { JWT_SECRET: SERVER_ENV.JWT_SECRET });
  const started = Date.now();
  console.log(`Seeding ${DATABASE_URL}: ${BENCH_USERS} users, ${BENCH_TASKS} tasks…`);
  const people = await seedBenchDatabase(DATABASE_URL);
  console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(0)} s.`);

  const plans = await explainListQueries(DATABASE_URL, [
    { id: people.adminId, role: "ADMIN" },
    { id: people.managerId, role: "MANAGER" },
    { id: people.employeeId, role: "EMPLOYEE" },
  ]);
  const sorted = plans.filter((p) => p.filesort);
  console.log(
    `EXPLAIN: ${plans.length - sorted.length}/${plans.length} list statements read tasks in index order (no filesort).`,
  );
  for (const p of sorted) console.log(`  filesort: ${p.who} ${p.query} ${p.statement}: ${p.plan}`);

  const admin = await tokenFor(DATABASE_URL, people.adminId, "ADMIN");
  const manager = await tokenFor(DATABASE_URL, people.managerId, "MANAGER");
  const employee = await tokenFor(DATABASE_URL, people.employeeId, "EMPLOYEE");

  const servers: RunningServer[] = [];
  try {
    const app = await startApp(APP_PORT, SERVER_ENV);
    servers.push(app);
    const raw = await startServer({
      name: "raw",
      command: path.join(ROOT, "node_modules/.bin/tsx"),
      args: ["tests/bench/baseline-server.ts"],
      env: {
        ...SERVER_ENV,
        NODE_ENV: "production",
        PORT: String(RAW_PORT),
        WEB_CONCURRENCY: String(BENCH_WORKERS),
      },
      baseUrl: `http://127.0.0.1:${RAW_PORT}`,
      healthPath: "/health",
    });
    servers.push(raw);

    const deep = (await (
      await fetch(`${app.url}/api/tasks/?page=2000`, {
        headers: { authorization: `Bearer ${admin}` },
      })
    ).json()) as { next_cursor: string; count: number };
    let turn = 0;
    const statuses = ["TODO", "IN_PROGRESS", "DONE"];
    const scenarios: Scenario[] = [
      // An endpoint that does no work: what the framework and the per-request safeguards cost.
      {
        name: FLOOR,
        spec: { path: "/api/health/live/", token: admin },
        baseline: true,
        rawPath: "/health",
      },
      { name: "list p1 admin", spec: { path: "/api/tasks/", token: admin }, baseline: true },
      { name: "list p1 manager", spec: { path: "/api/tasks/", token: manager }, baseline: true },
      { name: "list p1 employee", spec: { path: "/api/tasks/", token: employee }, baseline: true },
      {
        name: "list p2000 admin",
        spec: { path: "/api/tasks/?page=2000", token: admin },
        baseline: true,
        besidePageOne: true,
      },
      {
        name: "list cursor@40k admin",
        spec: { path: `/api/tasks/?cursor=${deep.next_cursor}`, token: admin },
        baseline: true,
        besidePageOne: true,
      },
      {
        name: "patch status employee",
        spec: {
          path: "/api/tasks/",
          method: "PATCH",
          token: employee,
          next: () => {
            turn += 1;
            const id = people.employeeTaskIds[turn % people.employeeTaskIds.length];
            return {
              path: `/api/tasks/${id}/`,
              body: JSON.stringify({ status: statuses[Math.floor(turn / 7) % 3] }),
            };
          },
        },
        baseline: true,
      },
    ];

    // Warm up both servers (route compilation, JIT, connection pools, buffer pool).
    const rawSpec = (s: Scenario): LoadSpec =>
      s.rawPath ? { ...s.spec, path: s.rawPath } : s.spec;
    for (const s of scenarios) {
      await load(app.url, s.spec, 8, WARMUP_SECONDS);
      if (s.baseline) await load(raw.url, rawSpec(s), 8, WARMUP_SECONDS);
    }

    const pageOne = scenarios.find((s) => s.name === "list p1 admin")!.spec;
    const appPid = listenerPid(APP_PORT);
    const rawPid = listenerPid(RAW_PORT);
    const rounds = new Map<string, BenchRow[]>();
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const s of scenarios) {
        for (const connections of CONNECTIONS) {
          const pageOneFirst = round % 2 === 1;
          const measurePageOne = () => load(app.url, pageOne, connections, SECONDS, appPid);
          const pageOneBefore = s.besidePageOne && pageOneFirst ? await measurePageOne() : null;
          const appResult = await load(app.url, s.spec, connections, SECONDS, appPid);
          const pageOneAfter = s.besidePageOne && !pageOneFirst ? await measurePageOne() : null;
          const rawResult: Measurement | null = s.baseline
            ? await load(raw.url, rawSpec(s), connections, SECONDS, rawPid)
            : null;
          const key = `${s.name}@${connections}`;
          const row: BenchRow = {
            scenario: s.name,
            connections,
            app: appResult,
            baseline: rawResult,
            pageOne: pageOneBefore ?? pageOneAfter ?? undefined,
          };
          rounds.set(key, [...(rounds.get(key) ?? []), row]);
          console.log(
            `  round ${round}, ${s.name} @${connections}: app ${appResult.rps.toFixed(0)} req/s` +
              (rawResult ? `, raw ${rawResult.rps.toFixed(0)}` : ""),
          );
        }
      }
    }
    const rows = [...rounds.values()].map(medianRound);
    judge(rows, rounds);
    printTable(
      `GET/PATCH /api/tasks — ${BENCH_TASKS} tasks, ${BENCH_USERS} users, median of ${ROUNDS} rounds of ${SECONDS} s, ${BENCH_WORKERS} process(es) per server`,
      rows,
    );
    printFloor(rows);
    console.log(
      `\nCount for the admin: ${deep.count} (exact). Bench took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    );
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
  await runBulkBench();
}

/**
 * What the floor row shows: a request that does nothing, through Next's router. The task routes
 * skip the router (DIRECT_API, lib/cli/direct-api.mjs), so their cost is set against it.
 */
function printFloor(rows: BenchRow[]): void {
  const at8 = (scenario: string) =>
    rows.find((r) => r.scenario === scenario && r.connections === 8);
  const floor = at8(FLOOR);
  const list = at8("list p1 admin");
  const patch = at8("patch status employee");
  const cpu = (m: Measurement | null | undefined) => m?.cpuMsPerRequest?.toFixed(2) ?? "?";
  if (!floor || !list || !patch) return;
  console.log(
    `\nFloor: a request that does nothing costs the app ${cpu(floor.app)} ms of CPU through ` +
      `Next's router (the raw server: ${cpu(floor.baseline)} ms). The task routes skip the router ` +
      `(DIRECT_API): the admin's list costs the app ${cpu(list.app)} ms (raw: ` +
      `${cpu(list.baseline)} ms), a PATCH ${cpu(patch.app)} ms (raw: ${cpu(patch.baseline)} ms).`,
  );
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/**
 * Targets: every figure ≥ 0.5× its raw baseline; deep pages ≥ 0.8× the admin's page 1, as the
 * median of each round's deep/page-1 ratio, page 1 measured back to back with the deep page.
 */
function judge(rows: BenchRow[], rounds: Map<string, BenchRow[]>): void {
  for (const row of rows) {
    if (row.scenario === FLOOR) {
      row.target = "reference: no target";
      row.ok = true;
      continue;
    }
    const checks: [string, boolean][] = [];
    if (row.baseline) checks.push(["≥0.5×raw", row.app.rps >= 0.5 * row.baseline.rps]);
    const deepPages = rounds.get(`${row.scenario}@${row.connections}`) ?? [];
    if (row.pageOne) {
      const ratios = deepPages.map((deep) => deep.app.rps / deep.pageOne!.rps);
      const ratio = median(ratios);
      checks.push([`${ratio.toFixed(2)}×p1 (${rangeCell(ratios)}) ≥0.8`, ratio >= 0.8]);
    }
    row.target = checks.map(([label, ok]) => `${label} ${ok ? "ok" : "MISSED"}`).join(", ");
    row.ok = checks.every(([, ok]) => ok);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// `npm start`: the production build served by one Next.js process per core. `next start` is one
// event loop, so on an N-core host it leaves N−1 cores idle; node:cluster shares the listening
// socket among workers and replaces any that crash. WEB_CONCURRENCY=1 serves from one process.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import next from "next";
import { answerClientError } from "./client-error.mjs";
import { createDirectApi } from "./direct-api.mjs";
import { STARTUP_REFUSED } from "./exit-codes.mjs";
import { appendConnectionAddress } from "./forwarded-for.mjs";
import { refuseMalformedApiRequest } from "./malformed-api-request.mjs";
import { createRefusalLogger } from "./refusal-logger.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");
// LOG_FILE and the like are relative to the app, wherever the command was started from.
process.chdir(root);
// This serves the production build, so it runs as production: a NODE_ENV of development or test
// would switch the configuration to its development fallbacks, publicly known secrets included.
if (process.env.NODE_ENV && process.env.NODE_ENV !== "production") {
  console.error(
    `npm start serves the production build: NODE_ENV must be "production" or unset, not "${process.env.NODE_ENV}".`,
  );
  process.exit(STARTUP_REFUSED);
}
process.env.NODE_ENV = "production";
// .env.local and friends hold HOST, PORT and WEB_CONCURRENCY too, read here as `npm run demo` reads
// them (set variables win): Next.js would load the files only after these are used.
const { loadEnvConfig } = (await import("@next/env")).default;
loadEnvConfig(root, false);
const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(STARTUP_REFUSED);
}
// In-flight requests get this long to finish after SIGTERM before the worker exits anyway.
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000);
if (!Number.isInteger(shutdownTimeoutMs) || shutdownTimeoutMs < 0) {
  console.error(
    `SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds, not "${process.env.SHUTDOWN_TIMEOUT_MS}".`,
  );
  process.exit(STARTUP_REFUSED);
}
const RESTART_DELAY_MS = 1_000;

function workerCount(value) {
  if (value === undefined || value === "") return os.availableParallelism();
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    console.error(
      `WEB_CONCURRENCY must be a whole number of processes (1 or more), not "${value}".`,
    );
    process.exit(STARTUP_REFUSED);
  }
  return count;
}

async function serveWorker() {
  // logrotate's postrotate signal: the next log line goes to a new file at LOG_FILE (lib/logger.ts).
  // Taken before the app is prepared, so that a SIGHUP during start-up is not a fatal signal.
  let reopenRefusalLog = () => {};
  process.on("SIGHUP", () => {
    globalThis.etumsReopenLog?.();
    reopenRefusalLog();
  });
  const app = next({ dev: false, dir: root, hostname: host, port });
  await app.prepare();
  // instrumentation.ts's checks (settings, log file, database): a refusal exits before listening.
  await globalThis.etumsStartup;
  const handle = app.getRequestHandler();
  const answerDirectly = globalThis.etumsDirectRoutes
    ? await createDirectApi(globalThis.etumsDirectRoutes, host, port)
    : () => false;
  const refusalLog = createRefusalLogger();
  reopenRefusalLog = refusalLog.reopen;
  // Once stopping, every answer not yet begun closes its connection: a kept-alive one would carry
  // the client's next request to a server that cuts it at SHUTDOWN_TIMEOUT_MS.
  let draining = false;
  const unanswered = new Set();
  const server = http.createServer((request, response) => {
    if (draining) response.setHeader("connection", "close");
    else {
      unanswered.add(response);
      response.on("close", () => unanswered.delete(response));
    }
    appendConnectionAddress(request);
    if (refuseMalformedApiRequest(request, response, refusalLog.logger)) return;
    if (answerDirectly(request, response)) return;
    handle(request, response).catch((error) => {
      // Next answers its own errors; this is a failure inside Next itself. Never crash the worker.
      console.error(`Failed to handle ${request.method} ${request.url}:`, error);
      if (response.headersSent) return response.destroy();
      response.writeHead(500, { "content-type": "application/json" });
      response.end('{"detail":"Internal server error."}');
    });
  });
  server.on("clientError", (error, socket) => answerClientError(error, socket, refusalLog.logger));
  server.on("error", (error) => {
    const reason =
      error.code === "EADDRINUSE" ? "something else already listens there" : error.message;
    console.error(`Cannot serve on ${host}:${port}: ${reason}.`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    if (cluster.isPrimary) console.log(`ETUMS ready on http://${host}:${port} (1 process)`);
  });
  // Ctrl-C signals the whole process group, then the primary signals its workers again.
  const stop = () => {
    if (draining) return;
    draining = true;
    for (const response of unanswered) {
      if (!response.headersSent) response.setHeader("connection", "close");
    }
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      server.getConnections((_, open) => {
        // Said on stderr, written at once: the file log's lines are written in the background.
        if (open > 0) {
          console.error(
            `Stopping with ${open} connection(s) still open after SHUTDOWN_TIMEOUT_MS=${shutdownTimeoutMs}: they are cut.`,
          );
        }
        process.exit(0);
      });
    }, shutdownTimeoutMs).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

function superviseWorkers(count) {
  let stopping = false;
  let listening = 0;
  // A worker that exits before it ever listened failed to boot (bad config, no build):
  // starting another would fail the same way, so the whole server stops instead.
  const booted = new Set();
  const stopAll = (signal, exitCode = 0) => {
    stopping = true;
    process.exitCode = exitCode;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit();
    for (const worker of workers) worker?.process.kill(signal);
  };
  // Each worker learns the count: its in-process rate limiter, Redis's stand-in, takes its share.
  const fork = () => cluster.fork({ WEB_CONCURRENCY: String(count) });
  for (let i = 0; i < count; i += 1) fork();

  cluster.on("listening", (worker) => {
    booted.add(worker.id);
    listening += 1;
    if (listening === count) {
      console.log(`ETUMS ready on http://${host}:${port} (${count} worker processes)`);
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    const reason = signal ?? `code ${code}`;
    if (code === STARTUP_REFUSED) {
      console.error("A worker refused to start (see above): stopping.");
      stopAll("SIGTERM", STARTUP_REFUSED);
      return;
    }
    if (!booted.has(worker.id)) {
      console.error(`A worker exited (${reason}) before it could serve: stopping.`);
      stopAll("SIGTERM", 1);
      return;
    }
    console.error(`Worker ${worker.process.pid} exited (${reason}): starting another.`);
    setTimeout(() => stopping || fork(), RESTART_DELAY_MS);
  });

  process.on("SIGTERM", () => stopAll("SIGTERM"));
  process.on("SIGINT", () => stopAll("SIGINT"));
  process.on("SIGHUP", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGHUP");
  });
}

/** Serves in this process; a start-up failure (no build, say) is one line, not a stack trace. */
async function serveOrExplain() {
  try {
    await serveWorker();
  } catch (error) {
    console.error(`ETUMS cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

if (cluster.isPrimary) {
  const count = workerCount(process.env.WEB_CONCURRENCY);
  if (count > 1) superviseWorkers(count);
  else await serveOrExplain();
} else {
  await serveOrExplain();
}

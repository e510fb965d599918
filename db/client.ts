import type { SQL } from "drizzle-orm";
import { drizzle, type MySql2Database } from "drizzle-orm/mysql2";
import mysql, { type ResultSetHeader } from "mysql2/promise";
import { config } from "@/lib/config";
import { logger } from "@/lib/logger";
import * as schema from "./schema";
import { poolWithStatementDeadline } from "./statement-deadline";
import { sessionSettingsSql } from "./session-settings";

export type Database = MySql2Database<typeof schema>;
/** The handle a transaction callback receives; services accept either. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

type Handle = { pool: mysql.Pool; db: Database };

// One pool per process, kept on globalThis so Next's dev reloads do not leak connections.
const globalForDb = globalThis as unknown as { etumsDb?: Handle };

/** How long one statement may run (DATABASE_STATEMENT_TIMEOUT_MS). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
/**
 * How much longer the app waits than the server lets a statement run: the server's own abort
 * (an error on a healthy connection) comes first; the app's deadline is for a server or network
 * that no longer answers at all.
 */
const SERVER_ANSWER_GRACE_MS = 1_000;

/**
 * A bare mysql2 pool with the app's connection settings (the benchmark's raw server uses it),
 * and, given `statementLimitMs`, the server's limit on each statement (db/session-settings.ts).
 */
export function createDriverPool(
  url: string,
  connectionLimit = 10,
  statementLimitMs?: number,
): mysql.Pool {
  const pool = mysql.createPool({
    uri: url,
    connectionLimit,
    timezone: "Z",
    dateStrings: ["DATE"],
    supportBigNumbers: true,
    connectTimeout: 5000,
    enableKeepAlive: true,
    // No caller stack captured per query (about 15 µs each, 5% of an API request's CPU): a failed
    // query is still logged with its SQL error, route and request id.
    trace: false,
  });
  // Queued on each new connection before it is handed out; one that cannot take it is dropped.
  // The core pool's event: the promise pool's re-emits it with the core connection, not the
  // promise one its typings name.
  const settings = sessionSettingsSql(statementLimitMs);
  pool.pool.on("connection", (connection) => {
    connection.query(settings, (error) => {
      if (!error) return;
      connection.destroy();
      // Its caller gets a 503 ("try again shortly"): the cause is only here.
      logger().error({ err: error }, "database session settings failed; connection dropped");
    });
  });
  return pool;
}

/** The app's pool: the driver's, with a limit on every statement, kept by the server and the app. */
export function createPool(
  url: string,
  connectionLimit = 10,
  statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS,
): mysql.Pool {
  return poolWithStatementDeadline(
    createDriverPool(url, connectionLimit, statementTimeoutMs),
    statementTimeoutMs + SERVER_ANSWER_GRACE_MS,
  );
}

function handle(): Handle {
  if (!globalForDb.etumsDb) {
    const pool = createPool(
      config().DATABASE_URL,
      config().DATABASE_POOL_SIZE,
      config().DATABASE_STATEMENT_TIMEOUT_MS,
    );
    globalForDb.etumsDb = { pool, db: drizzle(pool, { schema, mode: "default" }) };
  }
  return globalForDb.etumsDb;
}

export function db(): Database {
  return handle().db;
}

export function pool(): mysql.Pool {
  return handle().pool;
}

/** Closes the pool (scripts and tests); the next call to db() opens a new one. */
export async function closeDb(): Promise<void> {
  const current = globalForDb.etumsDb;
  globalForDb.etumsDb = undefined;
  await current?.pool.end();
}

/**
 * The rows of a plain SQL SELECT, typed as its columns. drizzle types every mysql2 `execute` as a
 * write's result, so the one cast that plain SQL needs lives here.
 */
export async function selectRows<Row>(executor: Executor, query: SQL): Promise<Row[]> {
  const [rows] = (await executor.execute(query)) as unknown as [Row[]];
  return rows;
}

/** The result of a plain SQL write (affected rows, insert id). */
export async function writeResult(executor: Executor, query: SQL): Promise<ResultSetHeader> {
  const [result] = (await executor.execute(query)) as unknown as [ResultSetHeader];
  return result;
}

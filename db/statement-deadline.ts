import type mysql from "mysql2/promise";

/**
 * A statement that outlived its deadline. It carries mysql2's own code for a query timeout, so it
 * reads as a connection lost mid-request (503: the work may or may not have been done).
 */
export class StatementTimeoutError extends Error {
  readonly code = "PROTOCOL_SEQUENCE_TIMEOUT";
  readonly fatal = true;

  constructor(timeoutMs: number) {
    super(`The database did not answer within ${timeoutMs} ms; its connection was closed.`);
    this.name = "StatementTimeoutError";
  }
}

type Statement = (...args: unknown[]) => Promise<unknown>;

/**
 * The connection, with a deadline on each statement it sends. mysql2's own `timeout` option
 * starts its clock only when a statement reaches the server and leaves the connection waiting in
 * line, so a stalled server would hang every later statement on it (a transaction's ROLLBACK
 * among them). Here the deadline closes the connection, and every later statement on it fails at
 * once, so the pool replaces it.
 */
export function withStatementDeadline(
  connection: mysql.PoolConnection,
  timeoutMs: number,
): mysql.PoolConnection {
  let expired: StatementTimeoutError | null = null;
  const guard =
    (statement: Statement): Statement =>
    (...args) => {
      if (expired) return Promise.reject(expired);
      // Sent first: a statement the driver refuses at once arms no timer.
      let sent: Promise<unknown>;
      try {
        sent = statement.apply(connection, args);
      } catch (error) {
        return Promise.reject(error);
      }
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          expired = new StatementTimeoutError(timeoutMs);
          connection.destroy();
          reject(expired);
        }, timeoutMs);
      });
      return Promise.race([sent, deadline]).finally(() => clearTimeout(timer));
    };
  // A child of the connection, not a copy: everything else it inherits, and a test may still
  // wrap these (their originals call the connection's own). A transaction's BEGIN, COMMIT and
  // ROLLBACK are statements too, sent by their own methods.
  return Object.assign(Object.create(connection) as mysql.PoolConnection, {
    query: guard(connection.query as Statement),
    execute: guard(connection.execute as Statement),
    beginTransaction: guard(connection.beginTransaction as Statement),
    commit: guard(connection.commit as Statement),
    rollback: guard(connection.rollback as Statement),
  });
}

/**
 * The pool, with the deadline on every statement: those sent to the pool itself run on a
 * connection taken for them (so that one can be closed), and connections handed out (for
 * transactions) carry it too.
 */
export function poolWithStatementDeadline(pool: mysql.Pool, timeoutMs: number): mysql.Pool {
  const getConnection = async () => withStatementDeadline(await pool.getConnection(), timeoutMs);
  const onOwnConnection =
    (method: "query" | "execute"): Statement =>
    async (...args) => {
      const connection = await getConnection();
      try {
        return await (connection[method] as Statement)(...args);
      } finally {
        connection.release();
      }
    };
  return Object.assign(Object.create(pool) as mysql.Pool, {
    getConnection,
    query: onOwnConnection("query"),
    execute: onOwnConnection("execute"),
  });
}

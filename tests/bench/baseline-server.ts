// The raw baseline: a bare node:http server that verifies the same JWT (jose) and sends the
// same SQL through mysql2 as the app, with no framework in between.
import cluster from "node:cluster";
import http from "node:http";
import type { PoolConnection, RowDataPacket } from "mysql2/promise";
import { createDriverPool } from "../../db/client";
import type { Role } from "../../lib/domain/enums";
import { verifyAccessToken } from "../../lib/auth/tokens";
import { TOKEN_USER_SQL } from "../../lib/services/sessions";
import { companyToday } from "../../lib/services/company-time";
import { listScope } from "../../lib/services/tasks";
import { decodeCursor } from "../../lib/services/task-cursor";
import { buildTaskPageWithCountSql, requestedStart } from "../../lib/services/task-list-sql";
import { TASK_RECORD_COLUMNS, recordFromSqlRow, toTaskDto } from "../../lib/services/task-records";
import { parseTaskListQuery } from "../../lib/validation/task-query";

const pool = createDriverPool(process.env.DATABASE_URL!);

type Caller = { id: number; email: string; fullName: string; role: Role };

async function authenticate(req: http.IncomingMessage): Promise<Caller | null> {
  const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
  if (!token) return null;
  const claims = await verifyAccessToken(token);
  const [[user]] = await pool.query<RowDataPacket[]>(TOKEN_USER_SQL, [
    claims.familyId,
    claims.userId,
    claims.userId,
  ]);
  if (!user?.signed_in || !user.is_active || user.session_version !== claims.sessionVersion) {
    return null;
  }
  return { id: user.id, email: user.email, fullName: user.full_name, role: user.role };
}

async function list(caller: Caller, url: URL) {
  const query = parseTaskListQuery(url.searchParams);
  const cursor = query.cursor ? decodeCursor(query.cursor, query.ordering) : null;
  const today = companyToday();
  const sql = buildTaskPageWithCountSql(
    listScope(caller),
    query,
    requestedStart(query, cursor),
    today,
  );
  const [rows] = await pool.query<RowDataPacket[]>(sql.text, sql.params);
  const records = rows.filter((row) => row.id !== null).map(recordFromSqlRow);
  return {
    count: Number(rows[0]!.n),
    next: null,
    previous: null,
    next_cursor: null,
    results: records.slice(0, query.page_size).map((r) => toTaskDto(r, today)),
  };
}

async function patchStatus(caller: Caller, id: number, status: string) {
  const connection: PoolConnection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    // As the app: the caller's row under a share lock first, so a demotion or deactivation that
    // commits meanwhile refuses the write (lib/services/acting-user.ts).
    const [[standing]] = await connection.query<RowDataPacket[]>(
      "SELECT role, is_active FROM users WHERE id = ? LOCK IN SHARE MODE",
      [caller.id],
    );
    if (!standing?.is_active || standing.role !== caller.role) throw new Error("account changed");
    const [[row]] = await connection.query<RowDataPacket[]>(
      "SELECT * FROM tasks WHERE id = ? LIMIT 1 FOR UPDATE",
      [id],
    );
    if (!row || row.assigned_to !== caller.id) throw new Error("not yours");
    await connection.query(
      "UPDATE tasks SET status = ?, version = version + 1, updated_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND version = ?",
      [status, id, row.version],
    );
    if (row.status !== status) {
      await connection.query(
        "INSERT INTO activity (kind, actor_id, task_id, field, from_value, to_value) VALUES ('TASK_STATUS_CHANGED', ?, ?, 'status', ?, ?)",
        [caller.id, id, row.status, status],
      );
    } else {
      await connection.query(
        "INSERT INTO activity (kind, actor_id, task_id) VALUES ('TASK_UPDATED', ?, ?)",
        [caller.id, id],
      );
    }
    const [[record]] = await connection.query<RowDataPacket[]>(
      `SELECT ${TASK_RECORD_COLUMNS} FROM tasks t LEFT JOIN users a ON a.id = t.assigned_to
        JOIN users c ON c.id = t.created_by WHERE t.id = ? LIMIT 1`,
      [id],
    );
    await connection.commit();
    return toTaskDto(recordFromSqlRow(record!));
  } catch (error) {
    await connection.rollback();
    throw error;
  } finally {
    connection.release();
  }
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    void (async () => {
      try {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        if (url.pathname === "/health") return send(res, 200, { status: "ok" });
        const caller = await authenticate(req);
        if (!caller) return send(res, 401, { detail: "Unauthorized" });
        if (req.method === "GET" && /^\/api\/tasks\/?$/.test(url.pathname)) {
          return send(res, 200, await list(caller, url));
        }
        const match = /^\/api\/tasks\/(\d+)\/?$/.exec(url.pathname);
        if (req.method === "PATCH" && match) {
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { status: string };
          return send(res, 200, await patchStatus(caller, Number(match[1]), body.status));
        }
        send(res, 404, { detail: "Not found." });
      } catch (error) {
        send(res, 500, { detail: String(error) });
      }
    })();
  });
});

// As many processes as the app's `npm start` gets, sharing the socket through node:cluster.
const workers = Number(process.env.WEB_CONCURRENCY ?? 1);
if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i += 1) cluster.fork();
} else {
  server.listen(Number(process.env.PORT), "127.0.0.1");
}

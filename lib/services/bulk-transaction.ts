import { drizzle } from "drizzle-orm/mysql2";
import type { PoolConnection, ResultSetHeader } from "mysql2/promise";
import { pool, type Database } from "@/db/client";
import * as schema from "@/db/schema";
import type { TaskPriority, TaskStatus } from "@/lib/domain/enums";
import { TaskCountTally } from "./task-count-deltas";

/** Rows per multi-row INSERT: large enough to amortise round trips. */
export const INSERT_BATCH_ROWS = 2000;
/**
 * Bytes one INSERT may carry at most, well under max_allowed_packet (16 MB by default in MariaDB):
 * 2,000 rows of long descriptions, which a 20 MB upload can hold, would not fit in one.
 */
export const MAX_STATEMENT_BYTES = 4 * 1024 * 1024;

/** A row's size in the statement at most: 3 UTF-8 bytes per UTF-16 unit, doubled by escaping. */
function rowBytesAtMost(row: TaskInsertRow): number {
  return (row[0].length + row[1].length) * 6 + 200;
}

/** The rows in runs whose statements stay under MAX_STATEMENT_BYTES. */
export function* withinPacketSize(rows: TaskInsertRow[]): Generator<TaskInsertRow[]> {
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const size = rowBytesAtMost(rows[i]!);
    if (i > start && bytes + size > MAX_STATEMENT_BYTES) {
      yield rows.slice(start, i);
      start = i;
      bytes = 0;
    }
    bytes += size;
  }
  if (start < rows.length) yield rows.slice(start);
}

/** Column order of INSERT_TASKS. */
export type TaskInsertRow = [
  title: string,
  description: string,
  status: TaskStatus,
  priority: TaskPriority,
  dueDate: string | null,
  assignedTo: number | null,
  createdBy: number,
  importId: number | null,
];

const INSERT_TASKS =
  "INSERT INTO tasks (title, description, status, priority, due_date, assigned_to, created_by, import_id) VALUES ?";
/** Bulk inserts' own slot (drizzle/0006), taken before any task_counts row as the triggers do. */
const ADD_TASK_CHANGES =
  "INSERT INTO task_changes (slot, n) VALUES (64, ?) ON DUPLICATE KEY UPDATE n = n + VALUES(n)";
const ADD_TASK_COUNTS =
  "INSERT INTO task_counts (scope, user_id, n) VALUES ? ON DUPLICATE KEY UPDATE n = n + VALUES(n)";

/** Set on this transaction's connection: the insert trigger leaves task_counts and task_changes to commit(). */
const COUNT_HERE = "SET @etums_bulk_counts = 1";
const COUNT_IN_TRIGGER = "SET @etums_bulk_counts = NULL";

/**
 * One transaction on one pooled connection, begun on first use, for writes of many rows:
 * the hot inserts go through mysql2 directly, everything else through `orm` on the same
 * connection. A connection that fails mid-way is destroyed rather than returned to the pool, and
 * none goes back with the trigger still switched off.
 */
export class BulkTransaction {
  private connection: PoolConnection | null = null;
  private drizzleHandle: Database | null = null;
  private inserted = 0;
  private tally = new TaskCountTally();

  get started(): boolean {
    return this.connection !== null;
  }

  async conn(): Promise<PoolConnection> {
    if (this.connection) return this.connection;
    const connection = await pool().getConnection();
    try {
      await connection.beginTransaction();
      await connection.query(COUNT_HERE);
    } catch (error) {
      connection.destroy();
      throw error;
    }
    this.connection = connection;
    return connection;
  }

  async orm(): Promise<Database> {
    const connection = await this.conn();
    this.drizzleHandle ??= drizzle(connection, { schema, mode: "default" });
    return this.drizzleHandle;
  }

  /**
   * Inserts rows, in as few statements as their size allows, and returns their ids. Their counts
   * wait for commit(): the per-row trigger doubled the cost of a large import, and counter rows
   * locked batch by batch would make every single-task create and delete wait for the whole
   * import. Ids of one multi-row INSERT are consecutive.
   */
  async insertTasks(rows: TaskInsertRow[]): Promise<number[]> {
    const connection = await this.conn();
    const ids: number[] = [];
    for (const statementRows of withinPacketSize(rows)) {
      const [result] = await connection.query<ResultSetHeader>(INSERT_TASKS, [statementRows]);
      if (result.affectedRows !== statementRows.length) {
        throw new Error("Bulk insert stored fewer rows than sent.");
      }
      this.inserted += result.affectedRows;
      this.tally.add(
        result.insertId,
        statementRows.map((row) => ({ createdBy: row[6], assignedTo: row[5] })),
      );
      statementRows.forEach((_, i) => ids.push(result.insertId + i));
    }
    return ids;
  }

  /** Adds everything inserted to task_changes and task_counts (one statement each), then commits. */
  async commit(): Promise<void> {
    const { inserted, tally } = this;
    const connection = this.release();
    if (!connection) return;
    try {
      if (inserted > 0) {
        await connection.query(ADD_TASK_CHANGES, [inserted]);
        await connection.query(ADD_TASK_COUNTS, [tally.deltas()]);
      }
      // Before COMMIT (a session variable is not undone by a rollback): once the rows are
      // committed, nothing may fail and answer an error for an import that was saved.
      await connection.query(COUNT_IN_TRIGGER);
      await connection.commit();
      connection.release();
    } catch (error) {
      connection.destroy();
      throw error;
    }
  }

  async rollback(): Promise<void> {
    const connection = this.release();
    if (!connection) return;
    try {
      await connection.rollback();
      await connection.query(COUNT_IN_TRIGGER);
      connection.release();
    } catch {
      connection.destroy();
    }
  }

  private release(): PoolConnection | null {
    const connection = this.connection;
    this.connection = null;
    this.drizzleHandle = null;
    this.inserted = 0;
    this.tally = new TaskCountTally();
    return connection;
  }
}

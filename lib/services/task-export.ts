import type { RowDataPacket } from "mysql2";
import { pool } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { csvLine, UTF8_BOM } from "@/lib/csv/write";
import { forbidden } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { CSV_COLUMNS } from "@/lib/validation/bulk-csv";
import type { TaskListQuery } from "@/lib/validation/task-query";
import type { TaskCursor } from "./task-cursor";
import { listScope, positionOf } from "./task-list";
import { buildTaskPageSql } from "./task-list-sql";
import { companyToday } from "./company-time";
import { recordFromSqlRow, type TaskRecord } from "./task-records";

/** Rows fetched per keyset page while streaming. */
const EXPORT_PAGE_ROWS = 1000;

function exportCells(task: TaskRecord): string[] {
  return [
    task.title,
    task.description,
    task.assigneeEmail ?? "",
    task.status,
    task.dueDate ?? "",
    task.priority,
  ];
}

/**
 * GET /api/tasks/export/: the tasks the caller may see, filtered like the list, oldest first, as
 * CSV in the upload's columns (assignees by email, so a file moves between installations). Never
 * in another ordering: creation order is the one key no edit changes while the file downloads,
 * so no task can appear twice or drop out between its pages.
 * Streamed page by page with the list's own keyset SQL, so memory stays flat however many rows.
 */
export function exportTasksCsv(actor: Actor, query: TaskListQuery): ReadableStream<Uint8Array> {
  if (!can(actor, "task.export")) throw forbidden();
  const scope = listScope(actor);
  const today = companyToday();
  const pageQuery: TaskListQuery = {
    ...query,
    ordering: "created_at",
    page: 1,
    page_size: EXPORT_PAGE_ROWS,
    cursor: undefined,
  };
  const encoder = new TextEncoder();
  let after: TaskCursor | null = null;
  let started = false;
  // The client went away (a closed tab, `curl | head`): the page in flight is dropped, not an error.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(UTF8_BOM + csvLine(CSV_COLUMNS)));
        return;
      }
      try {
        const page = buildTaskPageSql(scope, pageQuery, { after, skip: 0 }, today);
        const [rows] = await pool().query<RowDataPacket[]>(page.text, page.params);
        if (cancelled) return;
        const limit = pageQuery.page_size;
        const records = rows.slice(0, limit).map(recordFromSqlRow);
        if (records.length > 0) {
          controller.enqueue(encoder.encode(records.map((r) => csvLine(exportCells(r))).join("")));
          const last = records[records.length - 1]!;
          after = positionOf(last, pageQuery.ordering);
        }
        if (rows.length <= limit) controller.close();
      } catch (error) {
        if (cancelled) return;
        logger().error({ err: error, userId: actor.id }, "task export failed mid-stream");
        controller.error(error);
      }
    },
    cancel() {
      cancelled = true;
    },
  });
}

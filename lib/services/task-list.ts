import type { RowDataPacket } from "mysql2";
import { pool } from "@/db/client";
import { UNDATED_DUE_SORT } from "@/lib/domain/due-sort";
import type { Actor } from "@/lib/auth/actor";
import { taskVisibility } from "@/lib/auth/policy";
import { pageCountOf } from "@/lib/http/page-links";
import type { TaskListQuery } from "@/lib/validation/task-query";
import type { TaskDto } from "@/lib/validation/tasks";
import { decodeCursor, encodeCursor, fieldOf, type TaskCursor } from "./task-cursor";
import {
  ANCHORED_FROM_OFFSET,
  anchoredStart,
  rememberPositions,
  remembersList,
  type Anchor,
} from "./task-list-anchors";
import {
  buildTaskCountSql,
  buildTaskPageWithCountSql,
  requestedStart,
  taskListIdentity,
  type PageStart,
  type SqlStatement,
  type TaskListScope,
} from "./task-list-sql";
import { companyToday } from "./company-time";
import { recordFromSqlRow, toTaskDto, type TaskRecord } from "./task-records";
import { RELATION_COLUMN } from "./task-visibility";

export type TaskPage = { count: number; results: TaskDto[]; next_cursor: string | null };

/** The SQL visibility of an actor's list, from the policy's task.read rule. */
export function listScope(actor: Actor): TaskListScope {
  const rule = taskVisibility(actor.role);
  if (rule === "all") return { kind: "all" };
  return {
    kind: "related",
    userId: actor.id,
    columns: rule.map((relation) => RELATION_COLUMN[relation]),
  };
}

function sortValue(record: TaskRecord, ordering: TaskListQuery["ordering"]): string {
  switch (fieldOf(ordering)) {
    case "created_at":
      return record.createdAt.toISOString().replace("T", " ").slice(0, 23);
    case "updated_at":
      return record.updatedAt.toISOString().replace("T", " ").slice(0, 23);
    case "due_date":
      return record.dueDate ?? UNDATED_DUE_SORT;
    case "priority":
      return record.priority;
    case "status":
      return record.status;
    case "title":
      return record.title;
  }
}

/** Where a row sits in a list's order: the keyset position a cursor names. */
export function positionOf(record: TaskRecord, ordering: TaskListQuery["ordering"]): TaskCursor {
  return { ordering, value: sortValue(record, ordering), id: record.id };
}

function rowsOf(statement: SqlStatement): Promise<RowDataPacket[]> {
  return pool()
    .query<RowDataPacket[]>(statement.text, statement.params)
    .then(([rows]) => rows);
}

/**
 * The page number of the last page of the actor's list (1 for an empty list), in one statement:
 * DRF's `page=last`.
 */
export async function lastPageOf(actor: Actor, query: TaskListQuery): Promise<number> {
  const [row] = await rowsOf(buildTaskCountSql(listScope(actor), query, companyToday()));
  return pageCountOf(Number(row!.n), query.page_size);
}

/**
 * One page of the tasks the actor may see, with the list's exact count, in one statement and so
 * one snapshot (the count always describes the rows returned), each part served by an index in
 * sort order. `cursor` pages by keyset, `page` by offset. A deep page number of a list with
 * remembered rows (task-list-anchors.ts) is read from the nearest remembered row; only when tasks
 * changed since that row was remembered is the page read again, by offset. Never more than two
 * statements.
 */
export async function listTasks(actor: Actor, query: TaskListQuery): Promise<TaskPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor, query.ordering) : null;
  const today = companyToday();
  const scope = listScope(actor);
  const requested = requestedStart(query, cursor);
  const list = taskListIdentity(scope, query, today);

  const pageFrom = (start: PageStart) =>
    rowsOf(buildTaskPageWithCountSql(scope, query, start, today));
  const anchored =
    cursor || requested.skip < ANCHORED_FROM_OFFSET || !remembersList(list)
      ? null
      : anchoredStart(list, requested.skip);
  let combined = anchored ? await pageFrom(anchored.start) : null;
  if (!combined || String(combined[0]!.generation) !== anchored!.generation) {
    combined = await pageFrom(requested);
  }
  const count = Number(combined[0]!.n);
  const rows = combined.filter((row) => row.id !== null);
  const records = rows.map(recordFromSqlRow);
  const limit = query.page_size;

  if (!cursor && rows.length > 0) {
    const anchors: Anchor[] = [];
    const first = records[0];
    const nextFirst = records[limit];
    if (first) anchors.push({ offset: requested.skip, row: positionOf(first, query.ordering) });
    if (nextFirst) {
      anchors.push({
        offset: requested.skip + limit,
        row: positionOf(nextFirst, query.ordering),
      });
    }
    rememberPositions(list, String(rows[0]!.generation), anchors);
  }

  const pageRecords = records.slice(0, limit);
  const last = pageRecords[pageRecords.length - 1];
  return {
    count,
    results: pageRecords.map((r) => toTaskDto(r, today)),
    next_cursor:
      records.length > limit && last ? encodeCursor(positionOf(last, query.ordering)) : null,
  };
}

import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/domain/enums";
import type { TaskListQuery, TaskOrderField } from "@/lib/validation/task-query";
import { searchPatterns } from "./search-patterns";
import { fieldOf, type TaskCursor } from "./task-cursor";
import { TASK_RECORD_COLUMNS } from "./task-records";

/**
 * The SQL of GET /api/tasks/, built as plain text + parameters so that the raw benchmark
 * baseline sends exactly the same statements. Every ordering is served by an index on
 * (scope column?, sort column, id), so MariaDB reads rows in order and stops at the LIMIT.
 */

/** Which tasks a caller sees: all, or those where they hold one of the given relations. */
export type TaskListScope =
  | { kind: "all" }
  | { kind: "related"; userId: number; columns: readonly ("created_by" | "assigned_to")[] };

export type SqlStatement = { text: string; params: unknown[] };

const ENUM_ORDER: Partial<Record<TaskOrderField, readonly string[]>> = {
  status: TASK_STATUSES,
  priority: TASK_PRIORITIES,
};

type Fragment = { text: string; params: unknown[] };

function placeholders(values: readonly unknown[]): string {
  return values.map(() => "?").join(", ");
}

/** The filters of the query string, as conditions on the bare `tasks` table. */
function filterConditions(query: TaskListQuery, today: string): Fragment[] {
  const out: Fragment[] = [];
  if (query.status)
    out.push({ text: `status IN (${placeholders(query.status)})`, params: query.status });
  if (query.priority) {
    out.push({ text: `priority IN (${placeholders(query.priority)})`, params: query.priority });
  }
  if (query.assigned_to !== undefined) {
    out.push({ text: "assigned_to = ?", params: [query.assigned_to] });
  }
  if (query.created_by !== undefined) {
    out.push({ text: "created_by = ?", params: [query.created_by] });
  }
  if (query.due_before) out.push({ text: "due_date <= ?", params: [query.due_before] });
  if (query.due_after) out.push({ text: "due_date >= ?", params: [query.due_after] });
  if (query.overdue === true) {
    out.push({ text: "(due_date < ? AND status <> 'DONE')", params: [today] });
  } else if (query.overdue === false) {
    out.push({ text: "(due_date IS NULL OR due_date >= ? OR status = 'DONE')", params: [today] });
  }
  for (const pattern of searchPatterns(query.search)) {
    out.push({ text: "(title LIKE ? OR description LIKE ?)", params: [pattern, pattern] });
  }
  return out;
}

/** `column <op> value` for an enum column becomes `column IN (…)`, which MySQL can range-scan in index order. */
function compare(field: TaskOrderField, op: ">" | ">=" | "<" | "<=", value: string): Fragment {
  const order = ENUM_ORDER[field];
  if (!order) return { text: `${SORT_COLUMN[field]} ${op} ?`, params: [value] };
  const at = order.indexOf(value);
  const picked = order.filter((_, i) =>
    op === ">" ? i > at : op === ">=" ? i >= at : op === "<" ? i < at : i <= at,
  );
  if (picked.length === 0) return { text: "1 = 0", params: [] };
  return { text: `${field} IN (${placeholders(picked)})`, params: picked };
}

/** The column each ordering sorts by: due dates through `due_sort`, where undated tasks come last. */
const SORT_COLUMN: Record<TaskOrderField, string> = {
  created_at: "created_at",
  updated_at: "updated_at",
  due_date: "due_sort",
  priority: "priority",
  status: "status",
  title: "title",
};

/**
 * Rows strictly after the cursor in (field, id) order. Written as `field >= v AND (field > v OR id > i)`
 * so the optimizer can start the index range at v.
 */
function afterCursor(field: TaskOrderField, descending: boolean, cursor: TaskCursor): Fragment {
  const idOp = descending ? "<" : ">";
  const bound = compare(field, descending ? "<=" : ">=", cursor.value);
  const strict = compare(field, descending ? "<" : ">", cursor.value);
  return {
    text: `(${bound.text} AND (${strict.text} OR id ${idOp} ?))`,
    params: [...bound.params, ...strict.params, cursor.id],
  };
}

function where(conditions: Fragment[]): Fragment {
  if (conditions.length === 0) return { text: "", params: [] };
  return {
    text: ` WHERE ${conditions.map((c) => c.text).join(" AND ")}`,
    params: conditions.flatMap((c) => c.params),
  };
}

const COUNTER_SCOPE = { created_by: "creator", assigned_to: "assignee" } as const;

function counterCount(scope: TaskListScope): Fragment {
  if (scope.kind === "all") {
    return {
      text: "SELECT COALESCE(SUM(n), 0) AS n FROM task_counts WHERE scope = 'all'",
      params: [],
    };
  }
  const scopes = scope.columns.map((c) => COUNTER_SCOPE[c]);
  // Two relations: tasks that hold both (creator = assignee = me) would be counted twice.
  const both = scopes.length > 1;
  const sign = both ? "CASE WHEN scope = 'both' THEN -n ELSE n END" : "n";
  const all = both ? [...scopes, "both"] : scopes;
  return {
    text: `SELECT COALESCE(SUM(${sign}), 0) AS n FROM task_counts WHERE user_id = ? AND scope IN (${placeholders(all)})`,
    params: [scope.userId, ...all],
  };
}

/** Where a page starts: strictly after `after` (a keyset position, if any), then `skip` rows on. */
export type PageStart = { after: TaskCursor | null; skip: number };

/** The start a request asks for: after its cursor, or at its page number's offset. */
export function requestedStart(query: TaskListQuery, cursor: TaskCursor | null): PageStart {
  return { after: cursor, skip: cursor ? 0 : (query.page - 1) * query.page_size };
}

/** The sum of task_changes: it moves with every committed write to tasks (drizzle/0006). */
const TASKS_GENERATION = "(SELECT COALESCE(SUM(n), 0) FROM task_changes)";

/**
 * Which list a query names, whatever its page: scope, filters and ordering. Two requests with the
 * same identity list the same rows in the same order while tasks do not change.
 */
export function taskListIdentity(
  scope: TaskListScope,
  query: TaskListQuery,
  today: string,
): string {
  const filters = filterConditions(query, today);
  return JSON.stringify([scope, query.ordering, filters]);
}

/**
 * The exact count of the list, and in the same statement (so the same snapshot) the tasks
 * generation. Unfiltered lists read the trigger-maintained counters: a few rows instead of a scan.
 */
export function buildTaskCountSql(
  scope: TaskListScope,
  query: TaskListQuery,
  today: string,
): SqlStatement {
  const filters = filterConditions(query, today);
  let count: Fragment;
  if (filters.length === 0) {
    count = counterCount(scope);
  } else if (scope.kind === "all" || scope.columns.length === 1) {
    const scoped =
      scope.kind === "all" ? [] : [{ text: `${scope.columns[0]} = ?`, params: [scope.userId] }];
    const cw = where([...scoped, ...filters]);
    count = { text: `SELECT COUNT(*) AS n FROM tasks${cw.text}`, params: cw.params };
  } else {
    // Each task counted once: the later relations exclude rows an earlier one already counted.
    const parts = scope.columns.map((column, i) => {
      const earlier = scope.columns
        .slice(0, i)
        .map((c) => ({ text: `NOT (${c} <=> ?)`, params: [scope.userId] }));
      const w = where([{ text: `${column} = ?`, params: [scope.userId] }, ...earlier, ...filters]);
      return { text: `(SELECT COUNT(*) FROM tasks${w.text})`, params: w.params };
    });
    count = {
      text: `SELECT ${parts.map((p) => p.text).join(" + ")} AS n`,
      params: parts.flatMap((p) => p.params),
    };
  }
  return {
    text: `SELECT (${count.text}) AS n, ${TASKS_GENERATION} AS generation`,
    params: count.params,
  };
}

/** The ids of one page (page_size rows and one more), read from an index in the list's order. */
function pageIds(
  scope: TaskListScope,
  query: TaskListQuery,
  start: PageStart,
  today: string,
): { ids: Fragment; orderBy: string } {
  const field = fieldOf(query.ordering);
  const descending = query.ordering.startsWith("-");
  const dir = descending ? "DESC" : "ASC";
  const fetch = query.page_size + 1;
  const offset = start.skip;
  const filters = filterConditions(query, today);
  const keyset = start.after ? [afterCursor(field, descending, start.after)] : [];
  const column = SORT_COLUMN[field];
  const orderBy = `ORDER BY ${column} ${dir}, id ${dir}`;
  // The outer statements join the page's rows to their tasks and people, then sort those few.
  const joinedOrderBy = `ORDER BY t.${column} ${dir}, t.id ${dir}`;

  if (scope.kind === "all" || scope.columns.length === 1) {
    const scoped =
      scope.kind === "all" ? [] : [{ text: `${scope.columns[0]} = ?`, params: [scope.userId] }];
    const w = where([...scoped, ...filters, ...keyset]);
    return {
      ids: {
        text: `SELECT id FROM tasks${w.text} ${orderBy} LIMIT ${fetch} OFFSET ${offset}`,
        params: w.params,
      },
      orderBy: joinedOrderBy,
    };
  }
  // "Created by me OR assigned to me": one index-ordered, LIMITed branch per relation, merged.
  // A UNION turns ENUMs into strings, so enums carry their ordinal to keep declaration order.
  const sortKey = ENUM_ORDER[field] ? `${column} + 0` : column;
  const branches = scope.columns.map((column) => {
    const w = where([{ text: `${column} = ?`, params: [scope.userId] }, ...filters, ...keyset]);
    return {
      text: `(SELECT id, ${sortKey} AS sort_key FROM tasks${w.text} ${orderBy} LIMIT ${offset + fetch})`,
      params: w.params,
    };
  });
  return {
    ids: {
      text: `${branches.map((b) => b.text).join(" UNION ")} ORDER BY sort_key ${dir}, id ${dir} LIMIT ${fetch} OFFSET ${offset}`,
      params: branches.flatMap((b) => b.params),
    },
    orderBy: joinedOrderBy,
  };
}

/** The page's rows joined to their tasks and people (a deferred join: 21 lookups, not a scan). */
const PAGE_JOINS = `JOIN tasks t ON t.id = page.id
 LEFT JOIN users a ON a.id = t.assigned_to
 JOIN users c ON c.id = t.created_by`;

/**
 * One page of the list (page_size rows and one more, which tells whether a next page exists and
 * where it starts), with the tasks generation of the same snapshot.
 */
export function buildTaskPageSql(
  scope: TaskListScope,
  query: TaskListQuery,
  start: PageStart,
  today: string,
): SqlStatement {
  const { ids, orderBy } = pageIds(scope, query, start, today);
  return {
    text: `SELECT ${TASK_RECORD_COLUMNS}, ${TASKS_GENERATION} AS generation FROM (${ids.text}) AS page
 ${PAGE_JOINS}
 ${orderBy}`,
    params: ids.params,
  };
}

/**
 * The page, the list's exact count and the tasks generation in one statement: one snapshot and
 * one round trip, for deep pages that start from a remembered row (the generation tells whether
 * that row still holds). Every row carries `n` and `generation`; a page with no tasks is one row
 * whose task columns are NULL, so the count and generation are known even then.
 */
export function buildTaskPageWithCountSql(
  scope: TaskListScope,
  query: TaskListQuery,
  start: PageStart,
  today: string,
): SqlStatement {
  const count = buildTaskCountSql(scope, query, today);
  const { ids, orderBy } = pageIds(scope, query, start, today);
  return {
    text: `SELECT m.n, m.generation, ${TASK_RECORD_COLUMNS} FROM (${count.text}) AS m
 LEFT JOIN ((${ids.text}) AS page
 ${PAGE_JOINS}) ON TRUE
 ${orderBy}`,
    params: [...count.params, ...ids.params],
  };
}

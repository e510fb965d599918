import mysql from "mysql2/promise";
import type { Role } from "../../lib/domain/enums";
import { listScope } from "../../lib/services/tasks";
import { decodeCursor } from "../../lib/services/task-cursor";
import {
  buildTaskCountSql,
  buildTaskPageSql,
  buildTaskPageWithCountSql,
  requestedStart,
} from "../../lib/services/task-list-sql";
import { companyToday } from "../../lib/services/company-time";
import { TASK_ORDERINGS, parseTaskListQuery } from "../../lib/validation/task-query";

export type PlanCheck = {
  who: string;
  query: string;
  statement: string;
  filesort: boolean;
  plan: string;
};

type ExplainRow = {
  table: string | null;
  type: string | null;
  key: string | null;
  Extra: string | null;
};

/**
 * EXPLAIN of every list statement (page, count, and the two in one that deep pages read) for each
 * role and ordering: no step that reads the tasks table may sort it (a filesort over the
 * ≤ 2×page-size merged rows is fine).
 */
export async function explainListQueries(
  url: string,
  people: { id: number; role: Role }[],
  extraQueries: string[] = [],
): Promise<PlanCheck[]> {
  const connection = await mysql.createConnection({ uri: url, timezone: "Z" });
  const checks: PlanCheck[] = [];
  try {
    for (const person of people) {
      const actor = { id: person.id, role: person.role, email: "", fullName: "" };
      const queries = [...TASK_ORDERINGS.map((o) => `ordering=${o}`), "page=2000", ...extraQueries];
      for (const raw of queries) {
        const query = parseTaskListQuery(new URLSearchParams(raw));
        const cursor = query.cursor ? decodeCursor(query.cursor, query.ordering) : null;
        const start = requestedStart(query, cursor);
        const scope = listScope(actor);
        const today = companyToday();
        for (const [statement, { text, params }] of Object.entries({
          page: buildTaskPageSql(scope, query, start, today),
          count: buildTaskCountSql(scope, query, today),
          "page with count": buildTaskPageWithCountSql(scope, query, start, today),
        })) {
          const [rows] = (await connection.query(`EXPLAIN ${text}`, params)) as unknown as [
            ExplainRow[],
          ];
          const sortsTable = rows.some(
            (r) => /filesort/i.test(r.Extra ?? "") && /^(tasks|t)$/.test(r.table ?? ""),
          );
          checks.push({
            who: person.role,
            query: raw,
            statement,
            filesort: sortsTable,
            plan: rows
              .map((r) => `${r.table}:${r.type}:${r.key ?? "-"}:${r.Extra ?? ""}`)
              .join(" | "),
          });
        }
      }
    }
  } finally {
    await connection.end();
  }
  return checks;
}

import { expect } from "vitest";
import { pool } from "@/db/client";

async function recount(text: string): Promise<string[]> {
  const [rows] = (await pool().query(text)) as unknown as [{ k: string; n: number }[]];
  return rows.map((r) => `${r.k}=${Number(r.n)}`).sort();
}

function counters(scope: string): Promise<string[]> {
  const key = scope === "all" ? "'all'" : "user_id";
  return recount(
    `SELECT ${key} AS k, SUM(n) AS n FROM task_counts WHERE scope = '${scope}' AND n <> 0 GROUP BY k`,
  );
}

/** task_counts, scope by scope, equals a full recount of the tasks table. */
export async function expectCountersMatchTasks(): Promise<void> {
  expect(await counters("all")).toEqual(
    await recount("SELECT 'all' AS k, COUNT(*) AS n FROM tasks GROUP BY k"),
  );
  expect(await counters("creator")).toEqual(
    await recount("SELECT created_by AS k, COUNT(*) AS n FROM tasks GROUP BY k"),
  );
  expect(await counters("assignee")).toEqual(
    await recount(
      "SELECT assigned_to AS k, COUNT(*) AS n FROM tasks WHERE assigned_to IS NOT NULL GROUP BY k",
    ),
  );
  expect(await counters("both")).toEqual(
    await recount(
      "SELECT created_by AS k, COUNT(*) AS n FROM tasks WHERE assigned_to = created_by GROUP BY k",
    ),
  );
}

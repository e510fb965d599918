import { and, asc, count, eq, isNotNull, lt, ne, sql } from "drizzle-orm";
import { db, selectRows } from "@/db/client";
import { tasks, users } from "@/db/schema";
import { TASK_STATUSES, type Role, type TaskStatus } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { forbidden } from "@/lib/http/errors";
import { addDays, mondayOf, startOfDay } from "@/lib/dates/time-zone";
import { companyTimeZone, companyToday } from "./company-time";

export type Progress = {
  id: number | null;
  full_name: string;
  role: Role | null;
  done: number;
  total: number;
};
export type WeekCount = { week_start: string; completed: number };

export type Overview = {
  total: number;
  by_status: Record<TaskStatus, number>;
  overdue: number;
  per_manager: Progress[];
  per_assignee: Progress[];
  completed_per_week: WeekCount[];
};

export const OVERVIEW_WEEKS = 8;

/** The Mondays of the last `weeks` weeks up to the one holding `today`, oldest first. */
export function recentWeeks(today: string, weeks = OVERVIEW_WEEKS): string[] {
  const current = mondayOf(today);
  return Array.from({ length: weeks }, (_, i) => addDays(current, -7 * (weeks - 1 - i)));
}

const doneCount = sql<number>`CAST(SUM(${tasks.status} = 'DONE') AS SIGNED)`;

async function statusCounts(): Promise<Record<TaskStatus, number>> {
  const rows = await db()
    .select({ status: tasks.status, value: count() })
    .from(tasks)
    .groupBy(tasks.status);
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const row of rows) counts[row.status] = row.value;
  return counts;
}

async function overdueCount(today: string): Promise<number> {
  const [row] = await db()
    .select({ value: count() })
    .from(tasks)
    .where(and(isNotNull(tasks.dueDate), lt(tasks.dueDate, today), ne(tasks.status, "DONE")));
  return row?.value ?? 0;
}

/** Done/total per creator: the managers (and admins) who own the work. */
async function perCreator(): Promise<Progress[]> {
  const rows = await db()
    .select({
      id: users.id,
      fullName: users.fullName,
      role: users.role,
      total: count(),
      done: doneCount,
    })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.createdBy))
    .groupBy(users.id, users.fullName, users.role)
    .orderBy(asc(users.fullName));
  return rows.map((r) => ({
    id: r.id,
    full_name: r.fullName,
    role: r.role,
    done: Number(r.done),
    total: r.total,
  }));
}

/** Done/total per assignee, unassigned tasks as one row at the end. */
async function perAssignee(): Promise<Progress[]> {
  const rows = await db()
    .select({
      id: users.id,
      fullName: users.fullName,
      role: users.role,
      total: count(),
      done: doneCount,
    })
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.assignedTo))
    .groupBy(users.id, users.fullName, users.role)
    .orderBy(sql`${users.id} IS NULL`, asc(users.fullName));
  return rows.map((r) => ({
    id: r.id,
    full_name: r.fullName ?? "Unassigned",
    role: r.role,
    done: Number(r.done),
    total: r.total,
  }));
}

/**
 * Tasks now DONE, by the week they were completed: the last status change to DONE in the
 * activity trail, or the task's last update when it has no such event (imported or seeded done).
 */
async function completedPerWeek(now: Date): Promise<WeekCount[]> {
  const weeks = recentWeeks(companyToday(now));
  // Weeks run Monday to Monday on the company's clock: each one's first instant, then the next's.
  const starts = [...weeks, addDays(weeks.at(-1)!, 7)].map((week) =>
    startOfDay(week, companyTimeZone()),
  );
  const weekIndex = sql.join(
    starts.slice(1).map((end, i) => sql`WHEN done_at < ${end} THEN ${i}`),
    sql` `,
  );
  const rows = await selectRows<{ week_index: number | string; completed: number | string }>(
    db(),
    sql`
    SELECT CASE ${weekIndex} END AS week_index, COUNT(*) AS completed
    FROM (
      SELECT COALESCE(MAX(a.created_at), t.updated_at) AS done_at
      FROM tasks t
      LEFT JOIN activity a
        ON a.task_id = t.id AND a.kind = 'TASK_STATUS_CHANGED' AND a.to_value = 'DONE'
      WHERE t.status = 'DONE' AND t.updated_at >= ${starts[0]}
      GROUP BY t.id, t.updated_at
    ) AS done_tasks
    WHERE done_at >= ${starts[0]} AND done_at < ${starts.at(-1)}
    GROUP BY week_index
  `,
  );
  const byWeek = new Map(rows.map((r) => [Number(r.week_index), Number(r.completed)]));
  return weeks.map((week, i) => ({ week_start: week, completed: byWeek.get(i) ?? 0 }));
}

/** Everything /admin shows, for admins only; the queries run side by side. */
export async function getOverview(actor: Actor, now = new Date()): Promise<Overview> {
  if (!can(actor, "overview.read")) throw forbidden();
  const [byStatus, overdue, perManager, perAssigneeRows, completed] = await Promise.all([
    statusCounts(),
    overdueCount(companyToday(now)),
    perCreator(),
    perAssignee(),
    completedPerWeek(now),
  ]);
  return {
    total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
    by_status: byStatus,
    overdue,
    per_manager: perManager,
    per_assignee: perAssigneeRows,
    completed_per_week: completed,
  };
}

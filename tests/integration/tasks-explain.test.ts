import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/db/client";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/domain/enums";
import { explainListQueries } from "../bench/explain";
import { makeUser, type TestUser } from "../helpers/factories";

let admin: TestUser;
let manager: TestUser;
let employee: TestUser;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  manager = await makeUser("MANAGER");
  employee = await makeUser("EMPLOYEE");
  const others = [];
  for (let i = 0; i < 10; i++) others.push(await makeUser(i % 3 ? "EMPLOYEE" : "MANAGER"));
  // Enough rows that the optimizer's choice is the one a real table gets.
  const rows: unknown[][] = [];
  for (let i = 0; i < 5000; i++) {
    const creator = i % 25 === 0 ? manager.id : others[i % 10]!.id;
    const assignee =
      i % 40 === 0 ? employee.id : i % 40 === 1 ? manager.id : others[(i * 7) % 10]!.id;
    rows.push([
      `Explained ${i}`,
      "",
      TASK_STATUSES[i % 3],
      TASK_PRIORITIES[i % 4],
      i % 5 ? `2030-01-${String((i % 28) + 1).padStart(2, "0")}` : null,
      assignee,
      creator,
    ]);
  }
  await pool().query(
    "INSERT INTO tasks (title, description, status, priority, due_date, assigned_to, created_by) VALUES ?",
    [rows],
  );
  await pool().query("ANALYZE TABLE tasks");
});

// Other files count tasks too: leave the table as it was found.
afterAll(async () => {
  await pool().query("DELETE FROM tasks WHERE title LIKE 'Explained %'");
});

describe("EXPLAIN of the list statements", () => {
  it("reads tasks in index order for every role and ordering: no filesort over the table", async () => {
    const plans = await explainListQueries(process.env.DATABASE_URL!, [
      { id: admin.id, role: "ADMIN" },
      { id: manager.id, role: "MANAGER" },
      { id: employee.id, role: "EMPLOYEE" },
    ]);
    expect(plans.length).toBe(3 * 13 * 3);
    expect(
      plans.filter((p) => p.filesort).map((p) => `${p.who} ${p.query} ${p.statement}: ${p.plan}`),
    ).toEqual([]);
    // Unfiltered counts read the per-scope counters, never the tasks table.
    const counts = plans.filter((p) => p.statement === "count");
    expect(counts.every((p) => p.plan.includes("task_counts") && !/\btasks:/.test(p.plan))).toBe(
      true,
    );
  });
});

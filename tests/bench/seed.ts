import mysql from "mysql2/promise";
import { resetDatabase } from "../../db/migrate";
import { TASK_PRIORITIES, TASK_STATUSES } from "../../lib/domain/enums";
import { hashPassword } from "../../lib/auth/passwords";

export const BENCH_USERS = 1_000;
export const BENCH_TASKS = 100_000;
const MANAGERS = 49;
const CHUNK = 5_000;

/** Who the scenarios act as: ids are fixed because the database is created fresh. */
export type BenchPeople = {
  adminId: number;
  managerId: number;
  employeeId: number;
  employeeTaskIds: number[];
};

const ADMIN_ID = 1;
const FIRST_MANAGER = 2;
const FIRST_EMPLOYEE = FIRST_MANAGER + MANAGERS;
const EMPLOYEES = BENCH_USERS - FIRST_EMPLOYEE + 1;

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** A fresh etums_bench: 1 admin, 49 managers, 950 employees and 100,000 tasks, in multi-row INSERTs. */
export async function seedBenchDatabase(url: string): Promise<BenchPeople> {
  await resetDatabase(url);
  const connection = await mysql.createConnection({ uri: url, timezone: "Z" });
  try {
    const hash = await hashPassword("Bench-Password-2026");
    const users: unknown[][] = [];
    for (let id = 1; id <= BENCH_USERS; id++) {
      const role = id === ADMIN_ID ? "ADMIN" : id < FIRST_EMPLOYEE ? "MANAGER" : "EMPLOYEE";
      users.push([id, `user${id}@bench.example`, `Bench User ${id}`, hash, role]);
    }
    await connection.query(
      "INSERT INTO users (id, email, full_name, password_hash, role) VALUES ?",
      [users],
    );

    const random = rng(42);
    const start = Date.UTC(2025, 0, 1);
    for (let offset = 0; offset < BENCH_TASKS; offset += CHUNK) {
      const rows: unknown[][] = [];
      for (let i = offset; i < Math.min(offset + CHUNK, BENCH_TASKS); i++) {
        const createdBy = i % 50 === 0 ? ADMIN_ID : FIRST_MANAGER + Math.floor(random() * MANAGERS);
        const pick = random();
        const assignedTo =
          pick < 0.9
            ? FIRST_EMPLOYEE + Math.floor(random() * EMPLOYEES)
            : pick < 0.95
              ? FIRST_MANAGER + Math.floor(random() * MANAGERS)
              : null;
        const created = new Date(start + i * 30_000 + Math.floor(random() * 1000));
        const due =
          random() < 0.2
            ? null
            : `2026-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
        rows.push([
          `Task ${i + 1}: ${["Review", "Ship", "Fix", "Plan", "Audit"][i % 5]} item ${i % 977}`,
          `Benchmark task number ${i + 1}.`,
          TASK_STATUSES[Math.floor(random() * 3)],
          TASK_PRIORITIES[Math.floor(random() * 4)],
          due,
          assignedTo,
          createdBy,
          created,
          created,
        ]);
      }
      await connection.query(
        `INSERT INTO tasks (title, description, status, priority, due_date, assigned_to, created_by,
          created_at, updated_at) VALUES ?`,
        [rows],
      );
    }
    await connection.query("ANALYZE TABLE tasks, users");

    // The scenarios' employee: the one with the most tasks, so PATCH rotates over many rows.
    const [[top]] = (await connection.query(
      `SELECT assigned_to AS id FROM tasks WHERE assigned_to >= ? GROUP BY assigned_to
        ORDER BY COUNT(*) DESC, assigned_to LIMIT 1`,
      [FIRST_EMPLOYEE],
    )) as unknown as [[{ id: number }]];
    const [taskRows] = (await connection.query("SELECT id FROM tasks WHERE assigned_to = ?", [
      top.id,
    ])) as unknown as [{ id: number }[]];
    return {
      adminId: ADMIN_ID,
      managerId: FIRST_MANAGER,
      employeeId: top.id,
      employeeTaskIds: taskRows.map((r) => r.id),
    };
  } finally {
    await connection.end();
  }
}

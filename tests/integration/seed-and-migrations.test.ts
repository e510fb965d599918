import fs from "node:fs";
import path from "node:path";
import { asc, count, eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/mysql2";
import mysql from "mysql2/promise";
import { describe, expect, it } from "vitest";
import { createPool, db, pool } from "@/db/client";
import { DEMO_USERS, demoTasks } from "@/db/demo-data";
import { splitDatabaseUrl } from "@/db/database-url";
import { migrateDatabase, resetDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { NOT_A_DEMO_DATABASE, seedDemoData } from "@/db/seed";
import { activity, tasks, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/passwords";
import { pendingMigrations } from "@/lib/services/schema-version";
import { makeTask, makeUser } from "../helpers/factories";
import { expectCountersMatchTasks } from "../helpers/task-counts";

const EXPECTED_TABLES = [
  "activity",
  "idempotency_keys",
  "refresh_tokens",
  "task_changes",
  "task_counts",
  "task_imports",
  "tasks",
  "unknown_sign_ins",
  "users",
];

describe("the migrator", () => {
  it("builds the whole schema in an empty database, and a second run changes nothing", async () => {
    const { serverUrl } = splitDatabaseUrl(process.env.DATABASE_URL!);
    const scratch = `etums_test_scratch_${process.pid}`;
    const url = `${serverUrl.replace(/\/$/, "")}/${scratch}`;
    await resetDatabase(url);
    const server = await mysql.createConnection({ uri: serverUrl });
    try {
      const tablesOf = async () => {
        const [rows] = await server.query(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name",
          [scratch],
        );
        return (rows as { name: string }[]).map((r) => r.name).sort();
      };
      const tables = await tablesOf();
      expect(tables.filter((t) => !t.startsWith("__"))).toEqual(EXPECTED_TABLES);
      const [indexes] = await server.query(
        "SELECT DISTINCT index_name AS name FROM information_schema.statistics WHERE table_schema = ? AND table_name = 'users'",
        [scratch],
      );
      expect((indexes as { name: string }[]).map((i) => i.name)).toContain("users_email_uq");

      await migrateDatabase(url);
      expect(await tablesOf()).toEqual(tables);

      // The migrated schema accepts the application's writes.
      const scratchPool = createPool(url, 1);
      try {
        await scratchPool.query(
          "INSERT INTO users (email, full_name, password_hash) VALUES ('a@test.example', 'A', 'x')",
        );
        await expect(
          scratchPool.query(
            "INSERT INTO users (email, full_name, password_hash) VALUES ('a@test.example', 'B', 'y')",
          ),
        ).rejects.toMatchObject({ code: "ER_DUP_ENTRY" });
      } finally {
        await scratchPool.end();
      }
    } finally {
      await server.query(`DROP DATABASE IF EXISTS \`${scratch}\``);
      await server.end();
    }
  });
});

describe("two migrators at once", () => {
  it("apply each migration once: the second waits for the first, then has nothing to do", async () => {
    const { serverUrl } = splitDatabaseUrl(process.env.DATABASE_URL!);
    const url = `${serverUrl.replace(/\/$/, "")}/etums_test_twice_${process.pid}`;
    await dropDatabase(url);
    try {
      await Promise.all([migrateDatabase(url), migrateDatabase(url)]);
      const scratch = createPool(url, 1);
      try {
        const [[row]] = (await scratch.query(
          "SELECT COUNT(*) AS n FROM __drizzle_migrations",
        )) as unknown as [{ n: number }[]];
        const journal = JSON.parse(
          fs.readFileSync(
            path.resolve(import.meta.dirname, "../../drizzle/meta/_journal.json"),
            "utf8",
          ),
        ) as { entries: unknown[] };
        expect(Number(row!.n)).toBe(journal.entries.length);
      } finally {
        await scratch.end();
      }
    } finally {
      await dropDatabase(url);
    }
  });
});

describe("pendingMigrations: what the server checks before it starts", () => {
  it("counts the migrations a database lacks, all of them when it was never migrated", async () => {
    expect(await pendingMigrations()).toBe(0);
    const [[last]] = (await pool().query(
      "SELECT id, hash, created_at FROM __drizzle_migrations ORDER BY id DESC LIMIT 1",
    )) as unknown as [{ id: number; hash: string; created_at: number }[]];
    await pool().query("DELETE FROM __drizzle_migrations WHERE id = ?", [last!.id]);
    try {
      expect(await pendingMigrations()).toBe(1);
    } finally {
      await pool().query(
        "INSERT INTO __drizzle_migrations (id, hash, created_at) VALUES (?, ?, ?)",
        [last!.id, last!.hash, last!.created_at],
      );
    }
    expect(await pendingMigrations()).toBe(0);
  });
});

describe("migration 0009: counts rebuilt from the tasks", () => {
  it("puts task_counts right again after an upgrade left them off", async () => {
    const boss = await makeUser("MANAGER");
    const worker = await makeUser("EMPLOYEE");
    await makeTask({ createdBy: boss.id, assignedTo: worker.id });
    await makeTask({ createdBy: boss.id, assignedTo: boss.id });
    await makeTask({ createdBy: boss.id });
    // What an unlocked trigger swap could leave: a count lost here, one doubled there.
    await pool().query("UPDATE task_counts SET n = n - 1 WHERE scope = 'creator' AND user_id = ?", [
      boss.id,
    ]);
    await pool().query(
      "UPDATE task_counts SET n = n + 1 WHERE scope = 'assignee' AND user_id = ?",
      [worker.id],
    );
    await expect(expectCountersMatchTasks()).rejects.toThrow();

    const migration = fs.readFileSync(
      path.resolve(import.meta.dirname, "../../drizzle/0009_recount_task_counts.sql"),
      "utf8",
    );
    const connection = await pool().getConnection();
    try {
      for (const statement of migration.split("--> statement-breakpoint")) {
        await connection.query(statement);
      }
    } finally {
      connection.release();
    }
    await expectCountersMatchTasks();
  });
});

describe("migration 0014: own password changes told apart from resets", () => {
  it("re-labels the resets a user made of their own password, and only those", async () => {
    const admin = await makeUser("ADMIN");
    const person = await makeUser("EMPLOYEE");
    const reset = {
      kind: "USER_PASSWORD_RESET",
      subjectUserId: person.id,
      field: "password",
    } as const;
    await db()
      .insert(activity)
      .values([
        { ...reset, actorId: person.id },
        { ...reset, actorId: admin.id },
      ]);

    const migration = fs.readFileSync(
      path.resolve(import.meta.dirname, "../../drizzle/0014_activity_own_password_changed.sql"),
      "utf8",
    );
    for (const statement of migration.split("--> statement-breakpoint")) {
      await pool().query(statement);
    }
    const rows = await db()
      .select({ kind: activity.kind, actorId: activity.actorId })
      .from(activity)
      .where(eq(activity.subjectUserId, person.id))
      .orderBy(asc(activity.id));
    expect(rows).toEqual([
      { kind: "USER_PASSWORD_CHANGED", actorId: person.id },
      { kind: "USER_PASSWORD_RESET", actorId: admin.id },
    ]);
  });
});

describe("seedDemoData", () => {
  it("creates the demo users and tasks once; running it again changes nothing", async () => {
    const { serverUrl } = splitDatabaseUrl(process.env.DATABASE_URL!);
    const url = `${serverUrl.replace(/\/$/, "")}/etums_test_seed_${process.pid}`;
    await resetDatabase(url);
    const demoPool = createPool(url, 2);
    const demoDb = drizzle(demoPool, { schema, mode: "default" });
    try {
      const emails = DEMO_USERS.map((u) => u.email);
      const counts = async () => {
        const [u] = await demoDb.select({ n: count() }).from(users);
        const [t] = await demoDb.select({ n: count() }).from(tasks);
        return { users: u!.n, tasks: t!.n };
      };
      await seedDemoData(demoDb);
      const afterFirst = await counts();
      const second = await seedDemoData(demoDb);
      const afterSecond = await counts();

      expect(second).toEqual({ usersCreated: 0, tasksCreated: 0 });
      expect(afterSecond).toEqual(afterFirst);
      expect(afterFirst.users).toBe(DEMO_USERS.length);
      expect(afterFirst.tasks).toBe(demoTasks().length);

      const demo = await demoDb.select().from(users).where(inArray(users.email, emails));
      const admin = DEMO_USERS.find((u) => u.role === "ADMIN")!;
      const adminRow = demo.find((u) => u.email === admin.email)!;
      expect(await verifyPassword(adminRow.passwordHash, admin.password)).toBe(true);

      // Someone trying the demo adds an account (the admin's own journey): the demo still starts.
      await demoDb.insert(users).values({
        email: "tried-the-demo@example.com",
        fullName: "Tried The Demo",
        role: "EMPLOYEE",
        passwordHash: adminRow.passwordHash,
      });
      expect(await seedDemoData(demoDb)).toEqual({ usersCreated: 0, tasksCreated: 0 });
    } finally {
      await demoPool.end();
      await dropDatabase(url);
    }
  });

  it("refuses a database with accounts of its own, even one whose demo admin was deleted", async () => {
    const admin = DEMO_USERS.find((u) => u.role === "ADMIN")!;
    await db()
      .delete(users)
      .where(inArray(users.email, [admin.email]));
    await makeUser("ADMIN");
    const [before] = await db().select({ n: count() }).from(users);
    await expect(seedDemoData(db())).rejects.toThrow(NOT_A_DEMO_DATABASE);
    const [after] = await db().select({ n: count() }).from(users);
    expect(after!.n).toBe(before!.n);
    const found = await db()
      .select()
      .from(users)
      .where(inArray(users.email, [admin.email]));
    expect(found).toEqual([]);
  });
});

async function dropDatabase(url: string): Promise<void> {
  const { serverUrl, database } = splitDatabaseUrl(url);
  const server = await mysql.createConnection({ uri: serverUrl });
  try {
    await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await server.end();
  }
}

import { drizzle } from "drizzle-orm/mysql2";
import mysql from "mysql2/promise";
import { describe, expect, it } from "vitest";
import { createPool } from "@/db/client";
import { splitDatabaseUrl } from "@/db/database-url";
import { resetDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { AssigneeDirectory } from "@/lib/services/bulk-assignees";

const TEAM = 60;

/** A database of its own with a small team, so that 40 assignees are most of the users table. */
async function smallTeam(url: string): Promise<number[]> {
  await resetDatabase(url);
  const connection = await mysql.createConnection({ uri: url });
  try {
    const rows = Array.from({ length: TEAM }, (_, i) => [
      `member-${i}@test.example`,
      `Member ${i}`,
      "x",
      "EMPLOYEE",
    ]);
    await connection.query("INSERT INTO users (email, full_name, password_hash, role) VALUES ?", [
      rows,
    ]);
    await connection.query("ANALYZE TABLE users");
    const [ids] = (await connection.query("SELECT id FROM users ORDER BY id")) as unknown as [
      { id: number }[],
    ];
    return ids.map((row) => row.id);
  } finally {
    await connection.end();
  }
}

describe("the assignees a bulk write locks", () => {
  it("are the assignees only: the rest of the team can still sign in meanwhile", async () => {
    const { serverUrl } = splitDatabaseUrl(process.env.DATABASE_URL!);
    const url = `${serverUrl.replace(/\/$/, "")}/etums_test_locks_${process.pid}`;
    const ids = await smallTeam(url);
    const pool = createPool(url, 3);
    try {
      const database = drizzle(pool, { schema, mode: "default" });
      await database.transaction(async (tx) => {
        const directory = new AssigneeDirectory({ role: "ADMIN" });
        await directory.load(
          ids.slice(0, 40).map((id) => ({ id })),
          tx,
          { lock: true },
        );
        expect(directory.resolve({ id: ids[0]! })).toEqual({ id: ids[0] });
        const other = await pool.getConnection();
        try {
          await other.query("SET SESSION innodb_lock_wait_timeout = 1");
          // A sign-in of someone not assigned anything records its time at once…
          await other.query("UPDATE users SET last_login_at = NOW(3) WHERE id = ?", [
            ids[TEAM - 1],
          ]);
          // …while an assignee's deactivation waits for the bulk write to commit.
          await expect(
            other.query("UPDATE users SET is_active = 0 WHERE id = ?", [ids[0]]),
          ).rejects.toMatchObject({ code: "ER_LOCK_WAIT_TIMEOUT" });
        } finally {
          other.release();
        }
      });
    } finally {
      await pool.end();
      const server = await mysql.createConnection({ uri: serverUrl });
      await server.query(`DROP DATABASE IF EXISTS \`${splitDatabaseUrl(url).database}\``);
      await server.end();
    }
  });
});

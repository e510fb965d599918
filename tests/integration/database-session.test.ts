import type { RowDataPacket } from "mysql2/promise";
import { afterAll, describe, expect, it } from "vitest";
import { createPool, pool } from "@/db/client";
import { databaseUnavailability } from "@/lib/services/database-errors";

type ZoneRow = RowDataPacket & { zone: string; skew: number };
const ZONE_SQL =
  "SELECT @@session.time_zone AS zone, TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW()) AS skew";

const fresh = createPool(process.env.DATABASE_URL!, 2);

afterAll(async () => {
  await fresh.end();
});

describe("a database session of the app", () => {
  it("runs on UTC whatever the server's own zone, on every path a statement takes", async () => {
    const [[viaPool]] = await pool().query<ZoneRow[]>(ZONE_SQL);
    const connection = await fresh.getConnection();
    try {
      // The server's zone is whatever the host's is; a session of the app's is UTC regardless.
      const [[viaConnection]] = await connection.query<ZoneRow[]>(ZONE_SQL);
      for (const row of [viaPool, viaConnection]) {
        expect(row).toMatchObject({ zone: "+00:00", skew: 0 });
      }
    } finally {
      connection.release();
    }
  });

  it("has the server stop a statement past its limit, so none runs on after the app gave up", async () => {
    const limited = createPool(process.env.DATABASE_URL!, 1, 300);
    try {
      const slow = `SELECT SLEEP(3) AS etums_limit_${Date.now()}`;
      const error: unknown = await limited.query(slow).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ errno: 1969 });
      expect(databaseUnavailability(error)).toBe("unreachable");
      const [[running]] = await pool().query<RowDataPacket[]>(
        "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO = ?",
        [slow],
      );
      expect(Number(running!.n)).toBe(0);
      // Stopped by the server, the connection itself is fine.
      await expect(limited.query("SELECT 1")).resolves.toBeDefined();
    } finally {
      await limited.end();
    }
  });
});

import type { RowDataPacket } from "mysql2/promise";
import { afterAll, describe, expect, it } from "vitest";
import { createPool, pool } from "@/db/client";

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
});

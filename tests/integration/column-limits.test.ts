import type { RowDataPacket } from "mysql2";
import { describe, expect, it } from "vitest";
import { pool } from "@/db/client";
import { TITLE_MAX } from "@/lib/validation/tasks";
import { EMAIL_MAX, FULL_NAME_MAX } from "@/lib/validation/user-limits";

/** The limits the API and the forms check, against the columns that finally hold the text. */
const LIMITS = [
  { table: "users", column: "email", limit: EMAIL_MAX },
  { table: "users", column: "full_name", limit: FULL_NAME_MAX },
  { table: "tasks", column: "title", limit: TITLE_MAX },
];

describe("text limits", () => {
  it.each(LIMITS)(
    "$table.$column holds exactly the $limit characters the checks allow",
    async (c) => {
      const [rows] = await pool().query<RowDataPacket[]>(
        `SELECT CHARACTER_MAXIMUM_LENGTH AS n FROM information_schema.columns
        WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?`,
        [c.table, c.column],
      );
      expect(rows.map((r) => Number(r.n))).toEqual([c.limit]);
    },
  );
});

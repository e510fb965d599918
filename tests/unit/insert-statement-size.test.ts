import { describe, expect, it } from "vitest";
import {
  INSERT_BATCH_ROWS,
  MAX_STATEMENT_BYTES,
  withinPacketSize,
  type TaskInsertRow,
} from "@/lib/services/bulk-transaction";

const row = (description: string): TaskInsertRow => [
  "A title",
  description,
  "TODO",
  "MEDIUM",
  null,
  null,
  1,
  null,
];

/** What the statement of `rows` holds at most, as mysql2 writes it: UTF-8, escaped. */
function statementBytesAtMost(rows: TaskInsertRow[]): number {
  return rows.reduce((sum, r) => sum + Buffer.byteLength(r[0] + r[1]) * 2 + 200, 0);
}

describe("bulk INSERT statements", () => {
  it("keep a batch of typical rows in one statement", () => {
    const rows = Array.from({ length: INSERT_BATCH_ROWS }, () => row("x".repeat(300)));
    expect([...withinPacketSize(rows)].map((run) => run.length)).toEqual([INSERT_BATCH_ROWS]);
  });

  it("split long rows so that no statement passes the limit, and keep every row in order", () => {
    // 2,000 descriptions of 5,000 characters, every other one in emoji (4 bytes each): 30 MB.
    const rows = Array.from({ length: INSERT_BATCH_ROWS }, (_, i) =>
      row((i % 2 ? "d" : "\u{1F600}").repeat(5_000) + String(i)),
    );
    const runs = [...withinPacketSize(rows)];
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs)
      expect(statementBytesAtMost(run)).toBeLessThanOrEqual(MAX_STATEMENT_BYTES);
    expect(runs.flat()).toEqual(rows);
  });

  it("never leaves a row out, even one bigger than the limit by itself", () => {
    const huge = row("q".repeat(MAX_STATEMENT_BYTES));
    expect([...withinPacketSize([row("a"), huge, row("b")])].map((run) => run.length)).toEqual([
      1, 1, 1,
    ]);
  });
});

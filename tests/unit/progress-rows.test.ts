import { describe, expect, it } from "vitest";
import { PROGRESS_ROWS_SHOWN, rowsToShow } from "@/components/admin/progress-rows";
import type { Progress } from "@/lib/services/overview";

function person(i: number, done: number, total: number): Progress {
  return {
    id: i,
    full_name: `Person ${String(i).padStart(4, "0")}`,
    role: "EMPLOYEE",
    done,
    total,
  };
}

describe("the rows a progress list draws", () => {
  it("are all of them, in their order, when they fit", () => {
    const rows = [person(2, 1, 3), person(1, 0, 9)];
    expect(rowsToShow(rows)).toBe(rows);
  });

  it("are, of a large company, those with the most open work, ties by name", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => person(i, i % 7, 10));
    const shown = rowsToShow(rows);
    expect(shown).toHaveLength(PROGRESS_ROWS_SHOWN);
    // i % 7 === 0 leaves 10 open, the most: people 0, 7, 14, … by name.
    expect(shown.map((row) => row.id)).toEqual(
      Array.from({ length: PROGRESS_ROWS_SHOWN }, (_, i) => i * 7),
    );
  });
});

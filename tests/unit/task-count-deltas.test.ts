import { describe, expect, it } from "vitest";
import { TaskCountTally, taskCountDeltas } from "@/lib/services/task-count-deltas";

describe("taskCountDeltas", () => {
  it("sums what the insert trigger adds, one row per counter in the counters' lock order", () => {
    const deltas = taskCountDeltas(14, [
      { createdBy: 5, assignedTo: null },
      { createdBy: 5, assignedTo: 9 },
      { createdBy: 5, assignedTo: 5 },
      { createdBy: 7, assignedTo: 9 },
    ]);
    // Ids 14..17 fall in slots 6, 7, 0, 1.
    expect(deltas).toEqual([
      ["all", 0, 1],
      ["all", 1, 1],
      ["all", 6, 1],
      ["all", 7, 1],
      ["creator", 5, 3],
      ["creator", 7, 1],
      ["assignee", 5, 1],
      ["assignee", 9, 2],
      ["both", 5, 1],
    ]);
  });

  it("spreads a long run over the 8 slots of the all counter", () => {
    const tasks = Array.from({ length: 20 }, () => ({ createdBy: 1, assignedTo: null }));
    const all = taskCountDeltas(3, tasks).filter(([scope]) => scope === "all");
    expect(all.map(([, slot]) => slot)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(all.reduce((sum, [, , n]) => sum + n, 0)).toBe(20);
  });

  it("sums batches into one row per counter, as one batch of all their tasks would", () => {
    const first = [
      { createdBy: 5, assignedTo: 9 },
      { createdBy: 5, assignedTo: 5 },
    ];
    const second = [{ createdBy: 5, assignedTo: 9 }];
    const tally = new TaskCountTally().add(14, first).add(16, second);
    expect(tally.deltas()).toEqual(taskCountDeltas(14, [...first, ...second]));
  });
});

import { describe, expect, it } from "vitest";
import { countOf } from "@/lib/text/count-of";

describe("countOf", () => {
  it("writes one in the singular and any other count in the plural, digits as they are", () => {
    expect([0, 1, 2, 2500].map((n) => countOf(n, "task"))).toEqual([
      "0 tasks",
      "1 task",
      "2 tasks",
      "2500 tasks",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { bulkSelectionSchema, IDS_OR_MATCHING } from "@/lib/validation/task-bulk";

describe("bulkSelectionSchema (the table's select-all-matching)", () => {
  it("takes a query string and the action's other fields", () => {
    const parsed = bulkSelectionSchema.parse({ matching: "status=TODO", action: "delete" });
    expect(parsed).toEqual({ matching: "status=TODO", action: "delete" });
  });

  it("refuses ids beside matching instead of letting the filters override the ids", () => {
    const parsed = bulkSelectionSchema.safeParse({ matching: "x", action: "delete", ids: [60] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ["ids"], message: IDS_OR_MATCHING }),
    ]);
  });
});

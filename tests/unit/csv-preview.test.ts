import { describe, expect, it } from "vitest";
import { previewCsv } from "@/components/import/csv-mapping";

describe("previewCsv", () => {
  it("counts the rows the server will read when line endings are mixed", () => {
    const preview = previewCsv('title,status\r\nOne,TODO\r\nTwo,"a\r\nb"\nThree,DONE\rFour,\n');
    expect(preview.fields).toEqual(["title", "status"]);
    expect(preview.rowCount).toBe(4);
    expect(preview.rows[1]).toEqual(["Two", "a\r\nb"]);
  });
});

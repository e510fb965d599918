import { describe, expect, it } from "vitest";
import { previewCsv } from "@/components/import/csv-mapping";
import { readCsvRecords, type CsvRecord } from "@/lib/csv/records";

async function serverRows(text: string): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  async function* chunks() {
    yield text;
  }
  await readCsvRecords(chunks(), (batch) => records.push(...batch), 1000);
  return records.slice(1);
}

describe("previewCsv", () => {
  it("counts the rows the server will read when line endings are mixed", () => {
    const preview = previewCsv('title,status\r\nOne,TODO\r\nTwo,"a\r\nb"\nThree,DONE\rFour,\n');
    expect(preview.fields).toEqual(["title", "status"]);
    expect(preview.rowCount).toBe(4);
    expect(preview.rows[1]).toEqual(["Two", "a\r\nb"]);
  });

  it("shows and counts rows of commas or spaces, which the server reports, as it does", async () => {
    const text =
      "title,description,assigned_to,status\r\nA,,,TODO\r\n,,,\r\n   \r\n\r\nB,,,TODO\r\n,,,\r\n";
    const preview = previewCsv(text);
    expect(preview.rowCount).toBe((await serverRows(text)).length);
    expect(preview.rowCount).toBe(5);
    expect(preview.rows[1]).toEqual(["", "", "", ""]);
  });
});

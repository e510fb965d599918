import { describe, expect, it } from "vitest";
import { guessMapping, isIdentity, namedOnce, previewCsv } from "@/components/import/csv-mapping";
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

  it("skips rows of commas or spaces, as the server does", async () => {
    const text =
      "title,description,assigned_to,status\r\nA,,,TODO\r\n,,,\r\n   \r\n\r\nB,,,TODO\r\n, ,\t,\r\n";
    const preview = previewCsv(text);
    expect(preview.rowCount).toBe((await serverRows(text)).length);
    expect(preview.rowCount).toBe(2);
    expect(preview.rows.map((row) => row[0])).toEqual(["A", "B"]);
  });

  it("drops empty names ending the header (Excel's trailing commas): the columns match ours", () => {
    const preview = previewCsv("title,description,assigned_to,status,,\r\nA,,,TODO,,\r\n");
    expect(preview.fields).toEqual(["title", "description", "assigned_to", "status"]);
    expect(isIdentity(preview.fields, guessMapping(preview.fields))).toBe(true);
  });
});

describe("guessMapping", () => {
  it("never guesses a name the file has twice, unless it is ours (which the check then names)", () => {
    const fields = ["Name", "Notes", "Notes", "Owner", "title", "TITLE"];
    expect(guessMapping(fields)).toMatchObject({
      title: "title",
      description: "",
      assigned_to: "Owner",
    });
    expect(namedOnce(fields)).toEqual(["Name", "Owner"]);
  });
});

import { describe, expect, it } from "vitest";
import { checkCsvRow, checkHeader, isCalendarDate } from "@/lib/validation/bulk-csv";
import { createTaskSchema, isoDateSchema } from "@/lib/validation/tasks";

const header = checkHeader([
  "title",
  "description",
  "assigned_to",
  "status",
  "due_date",
  "priority",
]);
if (!header.ok) throw new Error("header");

function row(cells: Partial<Record<string, string>>) {
  const c = {
    title: "T",
    description: "",
    assigned_to: "",
    status: "",
    due_date: "",
    priority: "",
    ...cells,
  };
  return checkCsvRow(
    [c.title, c.description, c.assigned_to, c.status, c.due_date, c.priority],
    header as never,
  );
}

/** The hand-written CSV checks must agree with createTaskSchema, the rule for every other way in. */
describe("CSV row checks agree with createTaskSchema", () => {
  const titles = [
    "",
    "   ",
    "a",
    " padded ",
    "x".repeat(200),
    "x".repeat(201),
    ` ${"x".repeat(200)} `,
    "nul\u0000inside",
    "bell\u0007",
    "tab\tand del\u007f",
    "tab\tonly",
    // Characters, not UTF-16 units: 200 emoji are a title of 200, as MySQL and zod count.
    "😀".repeat(200),
    "😀".repeat(201),
    "e\u0301".repeat(100),
    // Nothing visible is no title: zero-width spaces and joiners, a BOM, a direction mark.
    "\u200b",
    " \u200b\u200d\ufeff ",
    "\u200e",
    "a\u200b",
    "\u200b".repeat(201),
    // Marks with nothing to sit on, blank fillers, a C1 control.
    "\ufe0f\u034f",
    "\u3164 \u2800",
    "e\u0301",
    "csi\u009b[31m",
    // Direction overrides and isolates reorder what follows; Hebrew with its direction mark does not.
    "report\u202Evsc.exe",
    "\u2067isolated\u2069",
    "\u05E9\u05DC\u05D5\u05DD\u200F",
  ];
  it.each(titles)("title %#", (title) => {
    const schema = createTaskSchema.safeParse({ title });
    const csv = row({ title });
    expect(csv.task !== null).toBe(schema.success);
    if (schema.success) expect(csv.task!.title).toBe(schema.data.title);
    else expect(csv.problems[0]!.message).toBe(schema.error.issues[0]!.message);
  });

  it.each([
    "",
    "d".repeat(10_000),
    "d".repeat(10_001),
    "🎉".repeat(10_000),
    "🎉".repeat(10_001),
    "line\r\nbreak\ttab",
    "nul\u0000",
    "esc\u001b[0m",
  ])("description of %# characters", (description) => {
    const schema = createTaskSchema.safeParse({ title: "T", description });
    const csv = row({ description });
    expect(csv.task !== null).toBe(schema.success);
    if (!schema.success) expect(csv.problems[0]!.message).toBe(schema.error.issues[0]!.message);
  });

  const dates = [
    "2026-02-28",
    "2028-02-29",
    "2026-02-29",
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "2026-1-1",
    "26-01-01",
    "2026-04-31",
    "2026-12-31",
    "0000-01-01",
    "0999-12-31",
    "1000-01-01",
  ];
  it.each(dates)("due date %s", (date) => {
    const year = Number(date.slice(0, 4));
    expect(isCalendarDate(date) && year >= 1000).toBe(isoDateSchema.safeParse(date).success);
    const csv = row({ due_date: date });
    const schema = createTaskSchema.safeParse({ title: "T", due_date: date });
    expect(csv.task !== null).toBe(schema.success);
    if (!schema.success) expect(csv.problems[0]!.message).toBe(schema.error.issues[0]!.message);
  });

  it("accepts every status and priority the schema does, case-insensitively, and defaults empty cells", () => {
    for (const status of ["TODO", "IN_PROGRESS", "DONE"]) {
      expect(createTaskSchema.safeParse({ title: "T", status }).success).toBe(true);
      expect(row({ status: status.toLowerCase() }).task!.status).toBe(status);
    }
    expect(row({ status: "FINISHED" }).task).toBeNull();
    expect(row({ priority: "urgent" }).task!.priority).toBe("URGENT");
    // The dashboard's own words for them, as a sheet typed by hand has them, are read too.
    for (const [cell, status] of [
      ["To do", "TODO"],
      ["In progress", "IN_PROGRESS"],
      [" in-progress ", "IN_PROGRESS"],
      ["Done", "DONE"],
    ] as const) {
      expect(row({ status: cell }).task!.status).toBe(status);
    }
    expect(row({}).task).toMatchObject({
      status: "TODO",
      priority: "MEDIUM",
      dueDate: null,
      assignee: null,
    });
  });

  it("reads assigned_to as a user id or an email, and nothing else", () => {
    expect(row({ assigned_to: " 42 " }).task!.assignee).toEqual({ id: 42 });
    expect(row({ assigned_to: "Ann@Example.COM" }).task!.assignee).toEqual({
      email: "ann@example.com",
    });
    for (const bad of ["0", "-3", "4.5", "ann", "99999999999"]) {
      expect(row({ assigned_to: bad }).problems[0]).toMatchObject({
        column: "assigned_to",
        value: bad,
      });
    }
  });

  it("reports every problem of a row, not just the first", () => {
    const csv = row({ title: "", status: "x", priority: "y", due_date: "z", assigned_to: "?" });
    expect(csv.problems.map((p) => p.column)).toEqual([
      "title",
      "status",
      "priority",
      "due_date",
      "assigned_to",
    ]);
  });
});

describe("checkHeader", () => {
  it("trims and ignores case; optional columns may be absent", () => {
    const checked = checkHeader([" Title", "DESCRIPTION ", "assigned_to", "Status"]);
    expect(checked).toEqual({
      ok: true,
      width: 4,
      columns: { title: 0, description: 1, assigned_to: 2, status: 3 },
      names: ["Title", "DESCRIPTION", "assigned_to", "Status"],
    });
  });

  it("names missing, unknown and duplicate columns", () => {
    const checked = checkHeader(["title", "", "title", "notes"]);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.message).toContain(
      "Missing required column(s): description, assigned_to, status.",
    );
    expect(checked.message).toContain("Unknown column(s): (empty), notes.");
    expect(checked.message).toContain("Duplicate column(s): title.");
  });

  it("names the first ten unknown columns, cut short, and counts the rest", () => {
    const junk = Array.from({ length: 200_000 }, (_, i) => `junk ${i} ${"x".repeat(50)}`);
    const checked = checkHeader(["title", "description", "assigned_to", "status", ...junk]);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.message).toContain(`Unknown column(s): junk 0 ${"x".repeat(33)}…, junk 1`);
    expect(checked.message).toContain("junk 9 ");
    expect(checked.message).not.toContain("junk 10 ");
    expect(checked.message).toContain(" and 199,990 more.");
    expect(checked.message.length).toBeLessThan(1000);
  });
});

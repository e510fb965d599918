import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from "@/db/schema";
import { restoreFormula } from "@/lib/csv/formula";

/**
 * The CSV format of bulk-upload and export. Rows are checked by hand rather than with zod:
 * 100,000 rows must validate in tens of milliseconds. tests/unit/csv-row.test.ts keeps these
 * checks in step with createTaskSchema (same limits, same messages).
 */
export const CSV_REQUIRED_COLUMNS = ["title", "description", "assigned_to", "status"] as const;
export const CSV_OPTIONAL_COLUMNS = ["due_date", "priority"] as const;
export const CSV_COLUMNS = [...CSV_REQUIRED_COLUMNS, ...CSV_OPTIONAL_COLUMNS] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 10_000;

/** Where each known column sits in a row. */
export type CsvColumnIndex = Partial<Record<CsvColumn, number>> & Record<"title", number>;

export type HeaderCheck =
  { ok: true; columns: CsvColumnIndex; width: number } | { ok: false; message: string };

/** Header names are trimmed and case-insensitive; unknown, duplicate and missing columns are named. */
export function checkHeader(cells: string[]): HeaderCheck {
  const names = cells.map((cell) => cell.trim().toLowerCase());
  const known = new Set<string>(CSV_COLUMNS);
  const unknown = names.filter((name) => !known.has(name));
  const duplicates = names.filter((name, i) => known.has(name) && names.indexOf(name) !== i);
  const missing = CSV_REQUIRED_COLUMNS.filter((name) => !names.includes(name));
  const problems: string[] = [];
  if (missing.length) problems.push(`Missing required column(s): ${missing.join(", ")}.`);
  if (unknown.length) {
    const shown = unknown.map((name) => (name === "" ? "(empty)" : name));
    problems.push(`Unknown column(s): ${shown.join(", ")}.`);
  }
  if (duplicates.length)
    problems.push(`Duplicate column(s): ${[...new Set(duplicates)].join(", ")}.`);
  if (problems.length) {
    return {
      ok: false,
      message: `${problems.join(" ")} Expected columns: ${CSV_REQUIRED_COLUMNS.join(", ")} (optional: ${CSV_OPTIONAL_COLUMNS.join(", ")}).`,
    };
  }
  const columns = Object.fromEntries(names.map((name, i) => [name, i])) as CsvColumnIndex;
  return { ok: true, columns, width: names.length };
}

/** assigned_to as written: a user id, an email address, or nobody. */
export type AssigneeRef = { id: number } | { email: string } | null;

export type CsvTask = {
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: string | null;
  assignee: AssigneeRef;
};

export type CsvCellProblem = { column: CsvColumn | null; value: string | null; message: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DIGITS = /^\d{1,10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_USER_ID = 2_147_483_647;

/** A real calendar date written YYYY-MM-DD (no 2026-02-30), as createTaskSchema's isoDateSchema. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pickEnum<T extends string>(values: readonly T[], raw: string): T | null {
  const upper = raw.trim().toUpperCase();
  return values.find((v) => v === upper) ?? null;
}

export function parseAssigneeRef(raw: string): AssigneeRef | "invalid" {
  const value = raw.trim();
  if (value === "") return null;
  if (DIGITS.test(value)) {
    const id = Number(value);
    return id >= 1 && id <= MAX_USER_ID ? { id } : "invalid";
  }
  if (value.length <= 254 && EMAIL.test(value)) return { email: value.toLowerCase() };
  return "invalid";
}

/** Checks one data row against the header; every problem is returned, not just the first. */
export function checkCsvRow(
  cells: string[],
  header: { columns: CsvColumnIndex; width: number },
): { task: CsvTask | null; problems: CsvCellProblem[] } {
  if (cells.length !== header.width) {
    const message = `Expected ${header.width} cells, found ${cells.length}.`;
    return { task: null, problems: [{ column: null, value: null, message }] };
  }
  const { columns } = header;
  const cell = (column: CsvColumn) => {
    const index = columns[column];
    return index === undefined ? "" : restoreFormula(cells[index]!);
  };
  const problems: CsvCellProblem[] = [];
  const problem = (column: CsvColumn, value: string, message: string) =>
    problems.push({ column, value, message });

  const rawTitle = cell("title");
  const title = rawTitle.trim();
  if (title === "") problem("title", rawTitle, "Title is required.");
  else if (title.length > TITLE_MAX) {
    problem("title", rawTitle, `Title must be at most ${TITLE_MAX} characters.`);
  }

  const description = cell("description");
  if (description.length > DESCRIPTION_MAX) {
    problem(
      "description",
      description,
      `Description must be at most ${DESCRIPTION_MAX.toLocaleString("en-US")} characters.`,
    );
  }

  const rawStatus = cell("status");
  const status = rawStatus.trim() === "" ? "TODO" : pickEnum(TASK_STATUSES, rawStatus);
  if (!status) problem("status", rawStatus, `Status must be one of ${TASK_STATUSES.join(", ")}.`);

  const rawPriority = cell("priority");
  const priority = rawPriority.trim() === "" ? "MEDIUM" : pickEnum(TASK_PRIORITIES, rawPriority);
  if (!priority) {
    problem("priority", rawPriority, `Priority must be one of ${TASK_PRIORITIES.join(", ")}.`);
  }

  const rawDue = cell("due_date");
  const dueDate = rawDue.trim() === "" ? null : rawDue.trim();
  if (dueDate !== null && !isCalendarDate(dueDate)) {
    problem("due_date", rawDue, "Enter a date as YYYY-MM-DD.");
  }

  const rawAssignee = cell("assigned_to");
  const assignee = parseAssigneeRef(rawAssignee);
  if (assignee === "invalid") {
    problem("assigned_to", rawAssignee, "Must be a user id or an email address.");
  }

  if (problems.length > 0 || !status || !priority || assignee === "invalid") {
    return { task: null, problems };
  }
  return { task: { title, description, status, priority, dueDate, assignee }, problems };
}

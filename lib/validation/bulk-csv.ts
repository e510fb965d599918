import {
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskPriority,
  type TaskStatus,
} from "@/lib/domain/enums";
import { restoreFormula } from "@/lib/csv/formula";
import { ID_DIGITS, idFromText } from "./id-text";
import { longerThan } from "./character-count";
import {
  DUE_DATE_RANGE_MESSAGE,
  DESCRIPTION_CONTROL_MESSAGE,
  DESCRIPTION_MAX,
  DESCRIPTION_TOO_LONG,
  isDueDateInRange,
  dateMessage,
  TITLE_CONTROL_MESSAGE,
  TITLE_DIRECTION_MESSAGE,
  TITLE_MAX,
  TITLE_TOO_LONG,
} from "./tasks";
import { CONTROL_CHARACTER, DIRECTION_CONTROL, hasVisibleCharacter } from "./visible-text";

/**
 * The CSV format of bulk-upload and export. Rows are checked by hand rather than with zod:
 * 100,000 rows must validate in tens of milliseconds. They take createTaskSchema's limits, and
 * tests/unit/csv-row.test.ts keeps the two in step on what each accepts; the CSV's own messages
 * differ where a file needs other words, and it reads status and priority in any letter case.
 */
export const CSV_REQUIRED_COLUMNS = ["title", "description", "assigned_to", "status"] as const;
export const CSV_OPTIONAL_COLUMNS = ["due_date", "priority"] as const;
export const CSV_COLUMNS = [...CSV_REQUIRED_COLUMNS, ...CSV_OPTIONAL_COLUMNS] as const;
/**
 * With a `columns` mapping, only the title must come from the file: a column left unmapped is
 * empty in every row, as an empty cell of it would be (no description, nobody, To do).
 */
export const CSV_MAPPED_REQUIRED_COLUMNS = ["title"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Where each known column sits in a row. */
export type CsvColumnIndex = Partial<Record<CsvColumn, number>> & Record<"title", number>;

/** A checked header: where our columns sit, how many cells a row has, and the file's own names. */
export type CsvHeader = { columns: CsvColumnIndex; width: number; names: string[] };

export type HeaderCheck = ({ ok: true } & CsvHeader) | { ok: false; message: string };

export type CsvColumnMapping = Partial<Record<CsvColumn, string>>;

const EXPECTED = `Expected columns: ${CSV_REQUIRED_COLUMNS.join(", ")} (optional: ${CSV_OPTIONAL_COLUMNS.join(", ")}).`;

/**
 * A header that is one filled cell holding names split by ";" or tabs is a file saved with another
 * separator (a trailing comma leaves an empty cell after it).
 */
export function separatorHint(allCells: string[]): string {
  const cells = allCells.slice(0, filledWidth(allCells));
  if (cells.length !== 1) return "";
  // One name with a ";" only at its end ("Notes;") is one column, not two.
  const names = (separator: string) =>
    cells[0]!.split(separator).filter((name) => name.trim() !== "").length;
  const separator = names(";") > 1 ? "semicolons" : names("\t") > 1 ? "tabs" : "";
  return separator
    ? ` The columns seem to be separated by ${separator}; save the file as comma-separated CSV (UTF-8).`
    : "";
}

const NAMES_SHOWN = 10;
const NAME_CHARS_SHOWN = 40;

/** The first few names, each cut short, and how many more: a header of junk gets a short answer. */
function someNames(names: string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).map((name) => {
    if (name === "") return "(empty)";
    return name.length > NAME_CHARS_SHOWN ? `${name.slice(0, NAME_CHARS_SHOWN)}…` : name;
  });
  const more = names.length - shown.length;
  return more > 0
    ? `${shown.join(", ")} and ${more.toLocaleString("en-US")} more`
    : shown.join(", ");
}

/**
 * How many cells count: those up to the last that is not blank. A trailing comma (Excel and many
 * scripts leave one) adds an empty cell, which is no column and no value.
 */
export function filledWidth(cells: string[]): number {
  let width = cells.length;
  while (width > 0 && cells[width - 1]!.trim() === "") width -= 1;
  return width;
}

/**
 * Header names are trimmed and case-insensitive; unknown, duplicate and missing columns are named,
 * and empty names after the last one are dropped. With a mapping, only the file's columns it names
 * are read (the others, unnamed ones included, are ignored).
 */
export function checkHeader(allCells: string[], mapping?: CsvColumnMapping | null): HeaderCheck {
  const cells = mapping ? allCells : allCells.slice(0, filledWidth(allCells));
  const names = cells.map((cell) => cell.trim().toLowerCase());
  if (mapping) return checkMappedHeader(names, mapping, cells);
  const known = new Set<string>(CSV_COLUMNS);
  // Named as the file writes them, so that the user finds them in it.
  const unknown = cells.filter((_, i) => !known.has(names[i]!)).map((cell) => cell.trim());
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const name of names) {
    if (known.has(name) && seen.has(name)) duplicates.add(name);
    seen.add(name);
  }
  const missing = CSV_REQUIRED_COLUMNS.filter((name) => !names.includes(name));
  const problems: string[] = [];
  if (missing.length) problems.push(`Missing required column(s): ${missing.join(", ")}.`);
  if (unknown.length) problems.push(`Unknown column(s): ${someNames(unknown)}.`);
  if (duplicates.size) problems.push(`Duplicate column(s): ${[...duplicates].join(", ")}.`);
  if (problems.length) {
    return { ok: false, message: `${problems.join(" ")} ${EXPECTED}${separatorHint(cells)}` };
  }
  const columns = Object.fromEntries(names.map((name, i) => [name, i])) as CsvColumnIndex;
  return { ok: true, columns, width: names.length, names: cells.map((cell) => cell.trim()) };
}

function checkMappedHeader(
  names: string[],
  mapping: CsvColumnMapping,
  cells: string[],
): HeaderCheck {
  // Its one column holds every name: a mapping onto it would import each row whole as a title.
  const wrongSeparator = separatorHint(cells).trim();
  if (wrongSeparator) return { ok: false, message: wrongSeparator };
  const columns: Partial<Record<CsvColumn, number>> = {};
  const absent: string[] = [];
  const ambiguous: string[] = [];
  for (const column of CSV_COLUMNS) {
    const source = mapping[column];
    if (source === undefined) continue;
    const wanted = source.trim().toLowerCase();
    const index = names.indexOf(wanted);
    if (index === -1) absent.push(source);
    else if (names.lastIndexOf(wanted) !== index) ambiguous.push(source);
    else columns[column] = index;
  }
  const problems: string[] = [];
  if (absent.length) problems.push(`The file has no column named: ${absent.join(", ")}.`);
  if (ambiguous.length) {
    problems.push(`The file has more than one column named: ${ambiguous.join(", ")}.`);
  }
  if (problems.length) return { ok: false, message: problems.join(" ") };
  return {
    ok: true,
    columns: columns as CsvColumnIndex,
    width: names.length,
    names: cells.map((cell) => cell.trim()),
  };
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
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A real calendar date written YYYY-MM-DD (no 2026-02-30), as createTaskSchema's isoDateSchema. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A code by its letters alone: "IN_PROGRESS", "in progress" and "In-progress" read alike. */
const lettersOf = (text: string) => text.replace(/[\s_-]+/g, "").toUpperCase();

/** The code a cell names, in any case, as the code or as the dashboard's words ("To do"). */
function pickEnum<T extends string>(values: readonly T[], raw: string): T | null {
  const letters = lettersOf(raw);
  return values.find((value) => lettersOf(value) === letters) ?? null;
}

export function parseAssigneeRef(raw: string): AssigneeRef | "invalid" {
  const value = raw.trim();
  if (value === "") return null;
  if (ID_DIGITS.test(value)) {
    const id = idFromText(value);
    return id === null ? "invalid" : { id };
  }
  if (value.length <= 254 && EMAIL.test(value)) return { email: value.toLowerCase() };
  return "invalid";
}

/**
 * A checked row: the task when it is valid, and the assignee it names whenever that parsed, so
 * that a row with other problems still has its assignee looked up and reported.
 */
export type CsvRowCheck = {
  task: CsvTask | null;
  assignee: AssigneeRef;
  problems: CsvCellProblem[];
};

/** A row with too few or too many cells: the missing ones are named, by the file's names. */
function wrongWidth(cells: string[], header: CsvHeader): CsvCellProblem {
  const found = `Expected ${header.width} cells, found ${cells.length}`;
  if (cells.length > header.width) {
    return { column: null, value: null, message: `${found}; a cell may hold an unquoted comma.` };
  }
  const missing = header.names.slice(cells.length).map((name) => name || "(unnamed)");
  const firstOfOurs = CSV_COLUMNS.filter(
    (column) => (header.columns[column] ?? -1) >= cells.length,
  ).sort((a, b) => header.columns[a]! - header.columns[b]!)[0];
  return {
    column: firstOfOurs ?? null,
    value: null,
    message: `${found}; missing: ${missing.join(", ")}.`,
  };
}

/**
 * Checks one data row against the header; every problem is returned, not just the first. Cells
 * past the header's width are ignored when they are all blank (a trailing comma).
 */
export function checkCsvRow(cells: string[], header: CsvHeader): CsvRowCheck {
  const tooWide = cells.length > header.width && filledWidth(cells) > header.width;
  if (cells.length < header.width || tooWide) {
    return { task: null, assignee: null, problems: [wrongWidth(cells, header)] };
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
  else if (longerThan(title, TITLE_MAX)) {
    problem("title", rawTitle, TITLE_TOO_LONG);
  } else if (CONTROL_CHARACTER.test(title)) problem("title", rawTitle, TITLE_CONTROL_MESSAGE);
  else if (DIRECTION_CONTROL.test(title)) problem("title", rawTitle, TITLE_DIRECTION_MESSAGE);
  else if (!hasVisibleCharacter(title)) problem("title", rawTitle, "Title is required.");

  const description = cell("description");
  if (longerThan(description, DESCRIPTION_MAX)) {
    problem("description", description, DESCRIPTION_TOO_LONG);
  } else if (CONTROL_CHARACTER.test(description)) {
    problem("description", description, DESCRIPTION_CONTROL_MESSAGE);
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
    problem("due_date", rawDue, dateMessage(dueDate));
  } else if (dueDate !== null && !isDueDateInRange(dueDate)) {
    problem("due_date", rawDue, DUE_DATE_RANGE_MESSAGE);
  }

  const rawAssignee = cell("assigned_to");
  const assignee = parseAssigneeRef(rawAssignee);
  if (assignee === "invalid") {
    problem("assigned_to", rawAssignee, "Must be a user id or an email address.");
  }

  if (assignee === "invalid") return { task: null, assignee: null, problems };
  if (problems.length > 0 || !status || !priority) return { task: null, assignee, problems };
  return { task: { title, description, status, priority, dueDate, assignee }, assignee, problems };
}

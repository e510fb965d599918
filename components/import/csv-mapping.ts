import Papa from "papaparse";
import { LineEndingNormalizer } from "@/lib/csv/line-endings";
import {
  CSV_COLUMNS,
  CSV_MAPPED_REQUIRED_COLUMNS,
  CSV_REQUIRED_COLUMNS,
  filledWidth,
  type CsvColumn,
  type CsvColumnMapping,
} from "@/lib/validation/bulk-csv";

export type CsvPreview = { fields: string[]; rows: string[][]; rowCount: number };
/** Our column → the file's column it is read from ("" when the file has none). */
export type ColumnMapping = Record<CsvColumn, string>;

const ALIASES: Record<CsvColumn, string[]> = {
  title: ["name", "task", "summary", "subject"],
  description: ["details", "notes", "body", "text"],
  assigned_to: ["assignee", "assigned to", "owner", "email", "user"],
  status: ["state", "stage"],
  due_date: ["due", "due date", "deadline", "due_on"],
  priority: ["urgency", "importance"],
};

const normal = (name: string) => name.trim().toLowerCase();

/**
 * Reads the whole file in the browser for the preview only: its header, the first rows and how
 * many rows there are. The server reads the file itself (commas and line endings as here, rows of
 * only commas and spaces skipped, empty names ending the header dropped) and judges every row.
 */
export function previewCsv(text: string, firstRows = 5): CsvPreview {
  const result = Papa.parse<string[]>(new LineEndingNormalizer().push(text), {
    delimiter: ",",
    newline: "\n",
    skipEmptyLines: "greedy",
  });
  const [header = [], ...rows] = result.data;
  return {
    fields: header.slice(0, filledWidth(header)),
    rows: rows.slice(0, firstRows),
    rowCount: rows.length,
  };
}

/** The header's names that the file has once (any case): a column the server can read by name. */
export function namedOnce(fields: string[]): string[] {
  const counts = new Map<string, number>();
  for (const field of fields) counts.set(normal(field), (counts.get(normal(field)) ?? 0) + 1);
  return fields.filter((field) => field.trim() !== "" && counts.get(normal(field)) === 1);
}

/**
 * Same name (any case) first, then a known alias the file has once. Our own name is taken even
 * twice, so that the check says the file repeats it; a repeated alias is left for the user.
 */
export function guessMapping(fields: string[]): ColumnMapping {
  const once = namedOnce(fields);
  const mapping = {} as ColumnMapping;
  for (const column of CSV_COLUMNS) {
    const exact = fields.find((field) => normal(field) === column);
    const alias = once.find((field) => ALIASES[column].includes(normal(field)));
    mapping[column] = exact ?? alias ?? "";
  }
  return mapping;
}

/**
 * True when the file can go to the server as it is: every column is one of ours, by name, and
 * none that a file without a mapping must have is missing (else the mapping says it is empty).
 */
export function isIdentity(fields: string[], mapping: ColumnMapping): boolean {
  return (
    CSV_REQUIRED_COLUMNS.every((column) => mapping[column]) &&
    fields.every((field) => mapping[normal(field) as CsvColumn] === field)
  );
}

/** Of the columns a mapped file must have (the title), those not chosen yet. */
export function missingRequired(mapping: ColumnMapping): CsvColumn[] {
  return CSV_MAPPED_REQUIRED_COLUMNS.filter((column) => !mapping[column]);
}

/** Our column → the file's, for the columns chosen: what the server reads the file by. */
export function chosenColumns(mapping: ColumnMapping): CsvColumnMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, source]) => source));
}

/** The `columns` field of the upload. */
export function columnsField(mapping: ColumnMapping): string {
  return JSON.stringify(chosenColumns(mapping));
}

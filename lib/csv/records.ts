import { Readable } from "node:stream";
import Papa from "papaparse";
import { normalizeLineEndings } from "./line-endings";

/** One CSV record: the 1-based line it starts on, its cells, and a quoting problem if any. */
export type CsvRecord = { line: number; cells: string[]; problem: string | null };

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: "A quoted cell is never closed.",
  InvalidQuotes: "A quoted cell has text after its closing quote.",
};

/** Line breaks inside a record's cells (quoted newlines): \r\n, \r and \n each count once. */
function lineBreaksIn(cells: string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.indexOf("\n") === -1 && cell.indexOf("\r") === -1) continue;
    for (let i = 0; i < cell.length; i++) {
      const ch = cell.charCodeAt(i);
      if (ch === 10) breaks += 1;
      else if (ch === 13) {
        breaks += 1;
        if (cell.charCodeAt(i + 1) === 10) i += 1;
      }
    }
  }
  return breaks;
}

/**
 * A line with no text in any cell: an empty line, or one of only commas and spaces, which a
 * spreadsheet leaves for the formatted but empty rows below its data.
 */
function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

/** The text has more lines than the reader was given leave to read. */
export class TooManyLinesError extends Error {
  constructor(readonly maxLines: number) {
    super(`The file has more than ${maxLines.toLocaleString("en-US")} lines.`);
  }
}

/**
 * Streams comma-separated text through papaparse and hands each parsed chunk of records to
 * `onRecords` synchronously, numbered by the line each record starts on. Blank lines (isBlank)
 * are skipped, but counted against `maxLines`: past it, reading stops with TooManyLinesError.
 * Resolves when the text ends; rejects with the text source's error.
 */
export async function readCsvRecords(
  source: AsyncIterable<string>,
  onRecords: (records: CsvRecord[]) => void,
  maxLines = Number.POSITIVE_INFINITY,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let nextLine = 1;
    let failed = false;
    // One line ending for papaparse, which guesses a single one from its first chunk.
    Papa.parse<string[]>(Readable.from(normalizeLineEndings(source)), {
      delimiter: ",",
      newline: "\n",
      chunk(results, parser) {
        if (failed) return;
        const problems = new Map<number, string>();
        for (const error of results.errors) {
          // An error past this chunk's rows belongs to the unfinished row papaparse re-reads next.
          const message = QUOTE_PROBLEMS[error.code];
          // The first problem of a row is its cause; a later "never closed" is its consequence.
          const row = error.row;
          if (message && row !== undefined && row < results.data.length && !problems.has(row)) {
            problems.set(row, message);
          }
        }
        const records: CsvRecord[] = [];
        results.data.forEach((cells, index) => {
          const line = nextLine;
          nextLine += 1 + lineBreaksIn(cells);
          if (isBlank(cells) && !problems.has(index)) return;
          records.push({ line, cells, problem: problems.get(index) ?? null });
        });
        try {
          // A final line break leaves one empty line more, which is not a line of the file.
          if (nextLine - 2 > maxLines) throw new TooManyLinesError(maxLines);
          if (records.length > 0) onRecords(records);
        } catch (error) {
          failed = true;
          parser.abort();
          reject(error);
        }
      },
      complete() {
        if (!failed) resolve();
      },
      error(error) {
        failed = true;
        reject(error);
      },
    });
  });
}

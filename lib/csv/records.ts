import { Readable } from "node:stream";
import Papa from "papaparse";

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

type Newline = "\r\n" | "\n" | "\r";

/** The line ending of the first line, or null while the sample cannot tell yet. */
function firstNewline(sample: string, ended: boolean): Newline | null {
  const lf = sample.indexOf("\n");
  const cr = sample.indexOf("\r");
  if (cr !== -1 && (lf === -1 || cr < lf)) {
    if (cr + 1 < sample.length) return sample[cr + 1] === "\n" ? "\r\n" : "\r";
    return ended ? "\r" : null;
  }
  if (lf !== -1) return "\n";
  return ended ? "\n" : null;
}

/** Reads ahead until the first line ending is known, then replays everything read. */
async function sniffNewline(
  text: AsyncIterable<string>,
): Promise<{ newline: Newline; text: AsyncIterable<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  let head = "";
  let ended = false;
  let newline: Newline | null = null;
  while (newline === null) {
    const next = await iterator.next();
    ended = next.done === true;
    if (!ended) head += next.value;
    newline = firstNewline(head, ended);
  }
  async function* replay() {
    if (head) yield head;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield next.value;
    }
  }
  return { newline, text: replay() };
}

/**
 * Streams comma-separated text through papaparse and hands each parsed chunk of records to
 * `onRecords` synchronously, numbered by the line each record starts on. Blank lines are
 * skipped. Resolves when the text ends; rejects with the text source's error.
 */
export async function readCsvRecords(
  source: AsyncIterable<string>,
  onRecords: (records: CsvRecord[]) => void,
): Promise<void> {
  // papaparse guesses line endings from its first chunk, which may be too short to tell.
  const { newline, text } = await sniffNewline(source);
  return new Promise((resolve, reject) => {
    let nextLine = 1;
    let failed = false;
    Papa.parse<string[]>(Readable.from(text), {
      delimiter: ",",
      newline,
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
          // A file begun with LF lines and then saved with CRLF ones (an edited export): the CR
          // is part of the line ending, not of the last cell.
          if (newline === "\n" && cells.length > 0 && cells[cells.length - 1]!.endsWith("\r")) {
            cells[cells.length - 1] = cells[cells.length - 1]!.slice(0, -1);
          }
          const line = nextLine;
          nextLine += 1 + lineBreaksIn(cells);
          if (cells.length === 1 && cells[0] === "" && !problems.has(index)) return;
          records.push({ line, cells, problem: problems.get(index) ?? null });
        });
        try {
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

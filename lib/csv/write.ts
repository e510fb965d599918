import { neutraliseFormula } from "./formula";

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One RFC 4180 record (CRLF-terminated), every cell neutralised against formula injection. */
export function csvLine(cells: readonly string[]): string {
  return (
    cells
      .map((raw) => {
        const cell = neutraliseFormula(raw);
        return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
      })
      .join(",") + "\r\n"
  );
}

/** Lets Excel recognise the file as UTF-8; the importer drops it. */
export const UTF8_BOM = "\uFEFF";

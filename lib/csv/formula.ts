/**
 * Spreadsheet formula injection: a cell starting with = + - @ tab or CR may run as a formula.
 * Export prefixes such cells (and cells that are already apostrophes before one) with an
 * apostrophe; import removes exactly one, so export → import gives back the stored text.
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_LIKE.test(cell) ? `'${cell}` : cell;
}

export function restoreFormula(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

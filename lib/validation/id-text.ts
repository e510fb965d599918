// Zod-free, so that the import page's client bundle (via bulk-csv.ts) can use it.

/** The largest id an INT column holds. */
export const MAX_ID = 2_147_483_647;

/** An id as text (a path segment, a query value, a CSV cell): decimal digits only. */
export const ID_DIGITS = /^\d{1,10}$/;

/** The id `text` names, or null when it names none (not digits, 0, or past an INT). */
export function idFromText(text: string): number | null {
  if (!ID_DIGITS.test(text)) return null;
  const id = Number(text);
  return id >= 1 && id <= MAX_ID ? id : null;
}

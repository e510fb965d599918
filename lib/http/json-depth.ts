import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from "@/lib/char-codes";

/** Far deeper than any body the API takes (a bulk-create item's fields sit at depth 2). */
export const MAX_JSON_DEPTH = 32;

/**
 * True when the JSON text nests arrays and objects deeper than `max`, read without parsing.
 * JSON.parse spends some forty times longer on a nesting bracket than on a plain character: a
 * 1 MB body of brackets cost the server 0.4 s, one any anonymous caller could send to the token
 * endpoints (which now also take 16 KB at most). Shallow nesting still costs more than text, but
 * within a few times as much. Malformed text is left for JSON.parse to refuse.
 */
export function nestsDeeperThan(json: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < json.length; i++) {
        const s = json.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

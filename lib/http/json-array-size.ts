import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COMMA,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from "@/lib/char-codes";

/** A key as JSON.parse reads it: escapes such as `t\u0061sks` name the same key. */
function keyText(raw: string): string {
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/**
 * The number of items of the array that is the value of `key` in the top-level object (as in
 * `{"tasks": [...]}`; the last one when the key repeats, as JSON.parse keeps), read from the JSON
 * text without parsing it; 0 when there is none. Meant for text JSON.parse will then check; on
 * malformed text (say, cut short) the figure is what was seen.
 */
export function topLevelArrayLength(json: string, key: string): number {
  let depth = 0;
  let expectingKey = false;
  let lastKey: string | null = null;
  let counting = false;
  let commas = 0;
  let empty = true;
  let length = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === QUOTE) {
      const start = i + 1;
      for (i++; i < json.length; i++) {
        const s = json.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
      if (depth === 1 && expectingKey) {
        lastKey = keyText(json.slice(start, i));
        expectingKey = false;
      }
      if (depth === 2 && counting) empty = false;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (depth === 2 && counting) empty = false;
      depth++;
      if (depth === 1) expectingKey = c === OPEN_OBJECT;
      if (depth === 2) {
        counting = c === OPEN_ARRAY && lastKey === key;
        commas = 0;
        empty = true;
      }
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      if (depth === 2 && counting) {
        length = empty ? 0 : commas + 1;
        counting = false;
      }
      depth--;
    } else if (depth === 1 && c === COMMA) {
      expectingKey = true;
    } else if (depth === 2 && counting) {
      if (c === COMMA) length = ++commas + 1;
      else if (c > 32) empty = false;
    }
  }
  return length;
}

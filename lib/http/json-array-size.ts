const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;

/**
 * The number of items of the largest array that is a value of the top-level object (as in
 * `{"tasks": [...]}`), read from the JSON text without parsing it. Meant for text JSON.parse will
 * then check; on malformed text (say, cut short) the figure is what was seen.
 */
export function largestTopLevelArray(json: string): number {
  let depth = 0;
  let largest = 0;
  let commas = 0;
  let empty = true;
  let counting = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string: to its closing quote, past escaped characters.
      for (i++; i < json.length; i++) {
        const s = json.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
      if (depth === 2 && counting) empty = false;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (depth === 2 && counting) empty = false;
      depth++;
      if (depth === 2) {
        counting = c === OPEN_ARRAY;
        commas = 0;
        empty = true;
      }
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      if (depth === 2 && counting && !empty) largest = Math.max(largest, commas + 1);
      depth--;
    } else if (depth === 2 && counting) {
      if (c === COMMA) largest = Math.max(largest, ++commas + 1);
      else if (c > 32) empty = false;
    }
  }
  return largest;
}

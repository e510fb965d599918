/**
 * C0 control characters but tab, LF and CR, DEL and the C1 controls: invisible in every view, a
 * NUL makes a CSV export unreadable as text (and so not importable), and U+009B starts a terminal
 * escape.
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const withoutControl = (value: string) => !CONTROL_CHARACTER.test(value);

/**
 * Half of a UTF-16 surrogate pair: JSON can spell one ("\ud800"), no text holds one, and the
 * database would store U+FFFD in its place, so the value saved would not be the value sent.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const wholeCharacters = (value: string) => !LONE_SURROGATE.test(value);

/** What a field with one is told, e.g. "Title holds half of a character (…)." */
export const halfCharacterMessage = (field: string) =>
  `${field} holds half of a character (an unpaired \\uD800–\\uDFFF escape): send whole characters.`;

/**
 * Bidirectional embeddings, overrides and isolates: shown inline (a list, the activity trail), a
 * right-to-left override makes "report\u202Evsc.exe" read as "reportexe.csv". Right-to-left text
 * needs none of them; the direction marks (U+200E, U+200F) stay allowed.
 */
export const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export const withoutDirectionControl = (value: string) => !DIRECTION_CONTROL.test(value);

/** What a field with one of them is told, e.g. "Title must not contain text-direction overrides (…)." */
export const directionControlMessage = (field: string) =>
  `${field} must not contain text-direction overrides (U+202A–U+202E, U+2066–U+2069).`;

/**
 * What a file name shown in the trail loses: controls, line and paragraph separators and every
 * invisible format character (direction controls, zero-width spaces, tags) but the joiners ZWJ
 * and ZWNJ, which Persian and Indic names and emoji sequences need.
 */
const INVISIBLE_IN_NAME = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

export const withoutInvisibleFormat = (value: string) => value.replace(INVISIBLE_IN_NAME, "");

/**
 * What draws nothing on its own: format characters (zero-width spaces and joiners, direction
 * marks, BOM), combining and variation marks with no letter to sit on, spaces, and the blank
 * Hangul fillers and Braille pattern.
 */
const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}\s\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Whether anything would show: a name of zero-width spaces alone is as empty as "". */
export const hasVisibleCharacter = (value: string) => value.replace(INVISIBLE, "") !== "";

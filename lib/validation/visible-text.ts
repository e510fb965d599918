/**
 * C0 control characters but tab, LF and CR, and DEL: invisible in every view, and a NUL makes a
 * CSV export unreadable as text (and so not importable).
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const withoutControl = (value: string) => !CONTROL_CHARACTER.test(value);

/** Format characters (zero-width spaces and joiners, direction marks, BOM) and spaces. */
const INVISIBLE = /[\p{Cf}\s]/gu;

/** Whether anything would show: a name of zero-width spaces alone is as empty as "". */
export const hasVisibleCharacter = (value: string) => value.replace(INVISIBLE, "") !== "";

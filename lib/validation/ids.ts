import { z } from "zod";
import { ID_DIGITS, MAX_ID } from "./id-text";

/**
 * A row id: a positive whole number, or its decimal digits as text (query strings, form fields).
 * Not z.coerce, which also took true, [4], "0x4" and "4e0" for ids. `orZero`: 0 is taken too, as
 * a position before every row.
 */
export function idSchema(message: string, { orZero = false } = {}) {
  return z.preprocess(
    (value) => (typeof value === "string" && ID_DIGITS.test(value) ? Number(value) : value),
    z
      .int(message)
      .min(orZero ? 0 : 1, message)
      .max(MAX_ID, message),
  );
}

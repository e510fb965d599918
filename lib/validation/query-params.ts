import { z } from "zod";

/** Decimal digits, few enough to stay an exact number. */
const DIGITS = /^\d{1,15}$/;

/**
 * A whole number in a query string (a page, a page size), checked by `schema`: its digits only.
 * Not z.coerce, which also took "0x2", "1e3", " 2" and "" for numbers.
 */
export function wholeNumberParam<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === "string" && DIGITS.test(value) ? Number(value) : value),
    schema,
  );
}

/** A yes/no query value: true, false, 1 or 0. */
export const queryBoolean = z
  .enum(["true", "false", "1", "0"], { message: "Must be true or false." })
  .transform((value) => value === "true" || value === "1");

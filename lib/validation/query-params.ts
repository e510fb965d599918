import { z } from "zod";

/** Decimal digits after any leading zeros, few enough to stay an exact number. */
const EXACT_DIGITS = /^0*(\d{1,15})$/;
const DIGITS = /^\d+$/;

/** Query digits as a number; more than can stay exact are a number past any page or limit. */
function digitsValue(value: string): number {
  const exact = EXACT_DIGITS.exec(value);
  return exact ? Number(exact[1]) : Number.MAX_SAFE_INTEGER;
}

/**
 * A whole number in a query string (a page, a page size), checked by `schema`: its digits only.
 * Not z.coerce, which also took "0x2", "1e3", " 2" and "" for numbers. A number of twenty digits
 * is still a whole number: a page past the last, or a size taken as the largest.
 */
export function wholeNumberParam<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === "string" && DIGITS.test(value) ? digitsValue(value) : value),
    schema,
  );
}

/** A yes/no query value: true, false (in any case: Django's clients send "False"), 1 or 0. */
export const queryBoolean = z.preprocess(
  (value) => (typeof value === "string" ? value.toLowerCase() : value),
  z
    .enum(["true", "false", "1", "0"], { message: "Must be true or false." })
    .transform((value) => value === "true" || value === "1"),
);

/**
 * The meta key that documents a query parameter other than as its zod schema reads it: fields of
 * an OpenAPI parameter object (`schema`, `style`, `explode`) laid over the generated ones.
 */
export const QUERY_PARAMETER_DOC = "x-query-parameter";

/** `page` of a page-numbered list: 1 or more, 1 when absent. */
export const pageParam = wholeNumberParam(
  z.int("Page must be a whole number.").min(1, "Page must be 1 or more."),
).default(1);

/** `page` of a list that also takes DRF's `page=last` (read before this schema checks the rest). */
export const pageOrLastParam = pageParam.meta({
  description: "The page, 1 or more, or `last`.",
  [QUERY_PARAMETER_DOC]: {
    schema: {
      anyOf: [
        { type: "integer", minimum: 1 },
        { type: "string", enum: ["last"] },
      ],
      default: 1,
    },
  },
});

/**
 * A comma-separated list of `values` in one parameter, documented as OpenAPI's form-style array so
 * that Swagger UI offers the values to pick.
 */
export function commaListDoc(values: readonly string[]) {
  return {
    style: "form",
    explode: false,
    schema: { type: "array", items: { type: "string", enum: values } },
  };
}

/**
 * A page size over the list's largest is the largest, as DRF's max_page_size had it: a client that
 * asks for everything gets full pages and follows `next`, instead of a 400 it was never written for.
 */
export const cappedAt = (max: number) => (size: number) => Math.min(size, max);

/** `page_size` of a list: 1 or more (at most `max` used), `byDefault` when absent. */
export function pageSizeParam(byDefault: number, max = 100, items = "Items") {
  const message = "Page size must be a whole number, 1 or more.";
  return wholeNumberParam(z.int(message).min(1, message).transform(cappedAt(max)))
    .default(byDefault)
    .meta({ description: `${items} per page; larger values are taken as ${max}.` });
}

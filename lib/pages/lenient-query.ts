import type { z } from "zod";

/**
 * A page's filters that applied (parsed, and as written in the address: `applied`, for its
 * filter boxes and links), and those left out with the schema's reason.
 */
export type LenientQuery<T> = {
  data: T;
  applied: Record<string, string>;
  ignored: { field: string; message: string }[];
};

/**
 * The schema's words, but for a value outside a choice: the API lists the codes it takes
 * (TASK_CREATED, …), which a page's reader never sees; its box offers the choices in words.
 */
function pageMessage(issue: z.core.$ZodIssue): string {
  return issue.code === "invalid_value" ? "not one of the choices offered" : issue.message;
}

/**
 * Parses a page's URL filters with the API's schema, leaving out only the values it refuses (a
 * hand-edited URL, or a From after To): the other filters still apply, as the filter boxes show.
 */
export function parseLeavingOutInvalid<T>(
  schema: z.ZodType<T>,
  raw: Record<string, string>,
): LenientQuery<T> {
  const values = { ...raw };
  const ignored: LenientQuery<T>["ignored"] = [];
  for (;;) {
    const parsed = schema.safeParse(values);
    if (parsed.success) return { data: parsed.data, applied: values, ignored };
    const refused = parsed.error.issues.filter((issue) => String(issue.path[0]) in values);
    // Nothing left to leave out (a rule across fields with no field to blame): no filters.
    if (refused.length === 0) return { data: schema.parse({}), applied: {}, ignored };
    for (const issue of refused) {
      const field = String(issue.path[0]);
      if (!(field in values)) continue;
      delete values[field];
      ignored.push({ field, message: pageMessage(issue) });
    }
  }
}

/** "Some filters were not understood and were ignored: To (…)." in the words of the page's boxes. */
export function ignoredFiltersMessage(
  ignored: LenientQuery<unknown>["ignored"],
  labels: Record<string, string>,
): string | null {
  if (ignored.length === 0) return null;
  const named = ignored.map(({ field, message }) => `${labels[field] ?? field} (${message})`);
  return `Some filters were not understood and were ignored: ${named.join("; ")}.`;
}

import { z } from "zod";

/** How `search` is read, in the OpenAPI document and the filters' help text. */
export const SEARCH_TERMS_HELP =
  'Every word must appear (in any of the searched fields, any case); words are split on spaces and commas, and a "quoted phrase" is one word. % and _ are plain characters.';

/** The longest search a list takes, in characters, the same for every list and its filter box. */
export const SEARCH_MAX = 200;

/** A list's `search` parameter; `searched` names the fields it looks in, for the OpenAPI document. */
export function searchSchema(searched: string) {
  return z
    .string()
    .trim()
    .max(SEARCH_MAX, `Search must be at most ${SEARCH_MAX} characters.`)
    .optional()
    .meta({ description: `Searches ${searched}. ${SEARCH_TERMS_HELP}` });
}

const TERM = /"([^"]*)"|[^\s,"]+/g;

/**
 * The words of a search, as DRF's SearchFilter reads them: split on whitespace and commas, a
 * double-quoted phrase kept whole. A lone quote left open is ignored, as an empty phrase is.
 */
export function searchTerms(search: string | undefined): string[] {
  if (!search) return [];
  const terms: string[] = [];
  for (const match of search.matchAll(TERM)) {
    const term = (match[1] ?? match[0]).trim();
    if (term) terms.push(term);
  }
  return terms;
}

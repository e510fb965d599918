import { searchTerms } from "@/lib/validation/search-terms";

/** A LIKE pattern for "contains `text`", its wildcards escaped: a search for "50%" means "50%". */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One "contains" LIKE pattern per word of a search (see searchTerms); each must match. */
export function searchPatterns(search: string | undefined): string[] {
  return searchTerms(search).map(containing);
}

import { pageCountOf } from "@/lib/http/page-links";

/**
 * What an empty page says: that it is past the last one (an old link, the last rows just
 * deleted), or else `nothingMatches`.
 */
export function emptyPageTitle(
  page: number,
  pageSize: number,
  count: number,
  nothingMatches: string,
): string {
  const last = pageCountOf(count, pageSize);
  return count > 0 && page > last
    ? `There is no page ${page}: the last is page ${last}.`
    : nothingMatches;
}

/** The page a "previous" link leads to: the last one from past the end. */
export function previousPage(page: number, pageCount: number): number {
  return Math.min(page - 1, pageCount);
}

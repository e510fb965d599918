/** How many titles a message names before it only counts the rest. */
const TITLES_NAMED = 3;

/** The first few titles, quoted, then how many more: "“a”, “b”, “c” and 2 more". */
export function someTitles(titles: string[]): string {
  const named = titles
    .slice(0, TITLES_NAMED)
    .map((title) => `“${title}”`)
    .join(", ");
  const more = titles.length - TITLES_NAMED;
  return more > 0 ? `${named} and ${more} more` : named;
}

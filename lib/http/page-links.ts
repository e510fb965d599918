/** DRF's page-number pagination links: absolute URLs of the neighbouring pages, or null. */
export function pageLinks(
  requestUrl: URL,
  { count, page, page_size }: { count: number; page: number; page_size: number },
): { next: string | null; previous: string | null } {
  const link = (target: number) => {
    const url = new URL(requestUrl);
    // An empty `cursor=` asked for pages by number: the links do not repeat it beside `page`.
    url.searchParams.delete("cursor");
    if (target === 1) url.searchParams.delete("page");
    else url.searchParams.set("page", String(target));
    return url.toString();
  };
  return {
    next: page * page_size < count ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
  };
}

/** The pages a list of `count` rows fills: at least one, even when it is empty. */
export function pageCountOf(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}

/**
 * DRF's `page=last` (of repeated `page`s the last counts, as for every parameter): `params` with
 * it read as page 1, for the schema to check, and whether it was asked for; the list's count then
 * names the page.
 */
export function readLastPage(searchParams: URLSearchParams): {
  params: URLSearchParams;
  lastPage: boolean;
} {
  const params = new URLSearchParams(searchParams);
  const lastPage = params.getAll("page").at(-1) === "last";
  if (lastPage) params.set("page", "1");
  return { params, lastPage };
}

/**
 * `page=last` of a list that may change while it is read: `read` (a page with the list's count,
 * read together) at `guess`, then, when that count makes another page the last (rows came or
 * went since the guess was counted), once more there. The page read, and its number.
 */
export async function readLastPageOf<T extends { count: number }>(
  guess: number,
  pageSize: number,
  read: (page: number) => Promise<T>,
): Promise<{ page: number; list: T }> {
  const list = await read(guess);
  const last = pageCountOf(list.count, pageSize);
  return last === guess ? { page: guess, list } : { page: last, list: await read(last) };
}

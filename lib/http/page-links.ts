/** DRF's page-number pagination links: absolute URLs of the neighbouring pages, or null. */
export function pageLinks(
  requestUrl: URL,
  { count, page, page_size }: { count: number; page: number; page_size: number },
): { next: string | null; previous: string | null } {
  const link = (target: number) => {
    const url = new URL(requestUrl);
    if (target === 1) url.searchParams.delete("page");
    else url.searchParams.set("page", String(target));
    return url.toString();
  };
  return {
    next: page * page_size < count ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
  };
}

/**
 * A query string as one value per parameter: the last one sent, or all of them joined by commas
 * for `lists`. An empty value (?status=) means "no filter", as in DRF's django-filter.
 */
export function queryValues(
  params: URLSearchParams,
  lists: ReadonlySet<string> = new Set(),
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    const value = lists.has(key) ? all.join(",") : all[all.length - 1]!;
    if (value.trim() !== "") values[key] = value;
  }
  return values;
}

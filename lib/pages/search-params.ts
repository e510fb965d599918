/** A page's searchParams as Next hands them over. */
export type PageSearchParams = Record<string, string | string[] | undefined>;

/**
 * A parameter's value: the last one sent when it is repeated, as the API reads it (queryValues)
 * and as Django's QueryDict.get did, so that a filter box shows the value the list was filtered by.
 */
export function paramValue(params: PageSearchParams, name: string): string | undefined {
  const value = params[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return last === "" ? undefined : last;
}

/** Back to a query string, e.g. for the CSV export link of the current view. */
export function toQueryString(params: PageSearchParams, drop: string[] = []): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (drop.includes(name) || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (item) query.append(name, item);
  }
  return query.toString();
}

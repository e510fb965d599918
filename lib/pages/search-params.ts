/** A page's searchParams as Next hands them over. */
export type PageSearchParams = Record<string, string | string[] | undefined>;

export function firstParam(params: PageSearchParams, name: string): string | undefined {
  const value = params[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === "" ? undefined : first;
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

/**
 * A JSON body without `fields` (a resource's read-only response fields, which DRF ignores in a
 * write): anything but an object passes unchanged, for the schema to refuse.
 */
export function withoutFields(body: unknown, fields: ReadonlySet<string>): unknown {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([field]) => !fields.has(field)));
}

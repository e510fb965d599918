/** The ETag of a versioned resource: its version, as a strong validator. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

const ENTITY_TAG = /(W\/)?"([^"]*)"/g;

/**
 * The versions an If-Match header accepts, as RFC 9110 reads it: undefined when absent or "*"
 * (any existing resource), else every strong entity-tag of the list that is a version. A weak tag
 * never matches (If-Match compares strongly), and a malformed header matches nothing: both 412.
 */
export function expectedVersionsFrom(headers: Headers): readonly number[] | undefined {
  const header = headers.get("if-match")?.trim();
  if (!header || header === "*") return undefined;
  if (header.replace(ENTITY_TAG, "").replace(/[\s,]/g, "") !== "") return [];
  return [...header.matchAll(ENTITY_TAG)]
    .filter(([, weak, opaque]) => !weak && /^\d{1,10}$/.test(opaque!))
    .map(([, , opaque]) => Number(opaque));
}

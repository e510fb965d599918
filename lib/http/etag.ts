/** The ETag of a versioned resource: its version, as a strong validator. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

/** The opaque part of an ETag we issue: a version, written without leading zeros. */
const VERSION_TAG = /^[1-9]\d{0,9}$/;

type EntityTag = { weak: boolean; opaque: string };

/**
 * An If-Match list (RFC 9110 §5.6.1): entity-tags separated by commas, empty elements allowed;
 * null when malformed. A linear scan: a regular expression for this list can backtrack badly.
 */
function parseEntityTags(header: string): EntityTag[] | null {
  const tags: EntityTag[] = [];
  let expectTag = true;
  for (let at = 0; at < header.length;) {
    const char = header[at];
    if (char === " " || char === "\t") at += 1;
    else if (char === ",") {
      expectTag = true;
      at += 1;
    } else {
      if (!expectTag) return null;
      const weak = header.startsWith("W/", at);
      const open = weak ? at + 2 : at;
      const close = header[open] === '"' ? header.indexOf('"', open + 1) : -1;
      if (close === -1) return null;
      tags.push({ weak, opaque: header.slice(open + 1, close) });
      at = close + 1;
      expectTag = false;
    }
  }
  return tags;
}

/**
 * The versions an If-Match header accepts, as RFC 9110 reads it: undefined when absent or "*"
 * (any existing resource), else every strong entity-tag of the list that is one we issue. A weak
 * tag never matches (If-Match compares strongly, character by character: "01" is not "1"), and
 * a malformed header matches nothing: both 412.
 */
export function expectedVersionsFrom(headers: Headers): readonly number[] | undefined {
  const header = headers.get("if-match")?.trim();
  if (!header || header === "*") return undefined;
  return (parseEntityTags(header) ?? [])
    .filter(({ weak, opaque }) => !weak && VERSION_TAG.test(opaque))
    .map(({ opaque }) => Number(opaque));
}

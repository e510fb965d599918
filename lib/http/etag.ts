import { preconditionFailed } from "./errors";

/** The ETag of a versioned resource: its version, as a strong validator. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

/**
 * The version an If-Match header demands: undefined when absent or "*", else the number in
 * `"<v>"` or `W/"<v>"`. A list matches when any entry does, so only a single version is usable;
 * anything else cannot match any version and fails with 412.
 */
export function expectedVersionFrom(headers: Headers): number | undefined {
  const header = headers.get("if-match")?.trim();
  if (!header || header === "*") return undefined;
  const match = /^(?:W\/)?"(\d{1,10})"$/.exec(header);
  if (!match) throw preconditionFailed();
  return Number(match[1]);
}

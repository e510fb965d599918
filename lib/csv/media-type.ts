/**
 * Media types browsers and clients send for a .csv file: text/csv, text/plain, the older x-
 * variants, Excel's application/vnd.ms-excel on Windows, or octet-stream when they do not know.
 */
const CSV_MEDIA_TYPES = new Set([
  "",
  "text/csv",
  "text/plain",
  "text/comma-separated-values",
  "text/x-comma-separated-values",
  "text/x-csv",
  "application/csv",
  "application/x-csv",
  "application/vnd.ms-excel",
  "application/octet-stream",
]);

export function isCsvMediaType(mimeType: string): boolean {
  return CSV_MEDIA_TYPES.has(mimeType.split(";")[0]!.trim().toLowerCase());
}

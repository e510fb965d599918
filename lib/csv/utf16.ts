// Excel's "Unicode Text" export is UTF-16 behind a byte order mark. Its text is full of NUL
// bytes, so without this check it would be called binary; UTF-8 stays the only encoding read.

export const UTF16_FILE_MESSAGE =
  "This file is UTF-16 text; save it as CSV UTF-8 and upload it again.";

/** The file starts with UTF-16's byte order mark: FF FE (little-endian) or FE FF (big-endian). */
export function startsWithUtf16Bom(start: Uint8Array): boolean {
  const [first, second] = start;
  return (first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff);
}

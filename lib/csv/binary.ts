// NUL never occurs in CSV text, and almost every binary format (xlsx, pictures, PDF) holds one early.

export const BINARY_FILE_MESSAGE =
  "This file is binary, not CSV text; upload a .csv file saved as UTF-8.";

export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

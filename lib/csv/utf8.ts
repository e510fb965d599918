import { CR, LF } from "@/lib/char-codes";

/** A file that is not valid UTF-8, with the 1-based line of its first invalid byte sequence. */
export class InvalidUtf8Error extends Error {
  constructor(readonly line: number) {
    super(`The file is not valid UTF-8 (first invalid byte on line ${line}); save it as UTF-8.`);
    this.name = "InvalidUtf8Error";
  }
}

/**
 * Line breaks in bytes[0, end): LF, CRLF or a lone CR (old Mac files). A CR at the very end is
 * counted; `afterCR` says the previous chunk ended with one, so a leading LF completes that CRLF.
 */
function countLineBreaks(bytes: Uint8Array, end = bytes.length, afterCR = false): number {
  let count = 0;
  for (let at = 0; at < end; at++) {
    const byte = bytes[at];
    if (byte === CR) count += 1;
    else if (byte === LF && !(at === 0 ? afterCR : bytes[at - 1] === CR)) count += 1;
  }
  return count;
}

/** Bytes a sequence starting with `lead` occupies, or 0 when `lead` cannot start one. */
function sequenceWidth(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead < 0xe0) return 2;
  if (lead >= 0xe0 && lead < 0xf0) return 3;
  if (lead >= 0xf0 && lead < 0xf5) return 4;
  return 0;
}

/** The allowed range of the byte after `lead` (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** Offset of the first byte of the first invalid or truncated sequence (error path only). */
function firstInvalidOffset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const width = sequenceWidth(lead);
    if (width === 0 || i + width > bytes.length) return i;
    const [low, high] = secondByteRange(lead);
    if (width > 1 && (bytes[i + 1]! < low || bytes[i + 1]! > high)) return i;
    for (let k = 2; k < width; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += width;
  }
  return bytes.length;
}

/** The bytes at the end of a chunk that start a multi-byte sequence the chunk does not finish. */
function incompleteTail(chunk: Uint8Array): Uint8Array {
  for (let back = 1; back <= 3 && back <= chunk.length; back++) {
    const byte = chunk[chunk.length - back]!;
    if (byte < 0x80) break;
    if (byte >= 0xc0)
      return sequenceWidth(byte) > back ? chunk.subarray(chunk.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/**
 * Decodes a byte stream as strict UTF-8 (a leading BOM is dropped) into text chunks of at least
 * `minChunk` characters; throws InvalidUtf8Error naming the line of the first invalid sequence.
 * Large chunks keep a CSV parser's re-scan of a long unterminated quoted field cheap.
 */
export async function* decodeUtf8(
  source: AsyncIterable<Uint8Array>,
  minChunk = 256 * 1024,
): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let linesBefore = 0;
  let afterCR = false;
  let carry: Uint8Array = new Uint8Array(0);
  let pending = "";
  for await (const chunk of source) {
    try {
      pending += decoder.decode(chunk, { stream: true });
    } catch {
      const window = Buffer.concat([carry, chunk]);
      throw new InvalidUtf8Error(
        linesBefore + countLineBreaks(window, firstInvalidOffset(window), afterCR) + 1,
      );
    }
    linesBefore += countLineBreaks(chunk, chunk.length, afterCR);
    afterCR = chunk.length > 0 ? chunk[chunk.length - 1] === CR : afterCR;
    // A sequence is at most 4 bytes: a chunk that long holds its whole unfinished tail.
    carry = incompleteTail(chunk.length >= 4 ? chunk : Buffer.concat([carry, chunk]));
    if (pending.length >= minChunk) {
      yield pending;
      pending = "";
    }
  }
  try {
    pending += decoder.decode();
  } catch {
    throw new InvalidUtf8Error(linesBefore + 1);
  }
  if (pending) yield pending;
}

// The byte and text streams of a CSV upload on their way to the parser.
import { setImmediate } from "node:timers/promises";
import { createHash, type Hash } from "node:crypto";
import { BINARY_FILE_MESSAGE, looksBinary } from "@/lib/csv/binary";
import { startsWithUtf16Bom, UTF16_FILE_MESSAGE } from "@/lib/csv/utf16";
import { badRequest } from "@/lib/http/errors";
import { csvRowErrorsBody } from "./csv-import";

/** Text parsed per turn of the event loop: a few milliseconds of papaparse. */
const PARSE_SLICE_CHARS = 256 * 1024;

/** Hashes and checks the raw bytes on their way to the decoder. */
export async function* inspectBytes(source: AsyncIterable<Uint8Array>, hash: Hash) {
  let atStart = true;
  for await (const chunk of source) {
    // Before the NUL test, which UTF-16 text fails too: the answer must name the encoding.
    if (atStart && startsWithUtf16Bom(chunk)) {
      const problem = { line: 1, column: null, value: null, message: UTF16_FILE_MESSAGE };
      throw badRequest(UTF16_FILE_MESSAGE, csvRowErrorsBody([problem], 1));
    }
    atStart &&= chunk.length === 0;
    if (looksBinary(chunk)) throw badRequest(BINARY_FILE_MESSAGE);
    hash.update(chunk);
    yield chunk;
  }
}

/**
 * Pulls the next text only when the import has room, so memory stays flat, and lets the event
 * loop run between slices of it: a file already on disk or in memory otherwise parses start to
 * end in one turn, and every other request of the process waits for it.
 */
export async function* throttled(
  text: AsyncIterable<string>,
  run: { roomForMore(): Promise<void> },
): AsyncGenerator<string> {
  for await (const chunk of text) {
    for (let at = 0; at < chunk.length; at += PARSE_SLICE_CHARS) {
      await run.roomForMore();
      await setImmediate();
      yield chunk.slice(at, at + PARSE_SLICE_CHARS);
    }
  }
}

/** The SHA-256 of an upload, read to its end. */
export async function hashOnly(bytes: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of bytes) hash.update(chunk);
  return hash.digest("hex");
}

import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import Busboy, { type BusboyInstance } from "@fastify/busboy";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import {
  ApiError,
  assertUncompressedBody,
  badRequest,
  payloadTooLarge,
  unsupportedMediaType,
} from "./errors";

/**
 * A file part of a multipart/form-data body, streamed as it arrives, with the text fields sent
 * before it (fields after the file cannot be waited for without buffering the file).
 */
export type UploadedFile = {
  fileName: string;
  mimeType: string;
  bytes: AsyncIterable<Uint8Array>;
  fieldsBefore: Record<string, string>;
};

/** Room for the multipart boundaries and part headers around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

const MALFORMED = "Malformed multipart/form-data body.";

/**
 * The file's bytes, failing with a 400 when the body breaks off: busboy's own error ("Part
 * terminated early") can reach the reader before the pipeline's failure does.
 */
async function* malformedAsBadRequest(stream: Readable): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    throw error instanceof ApiError ? error : badRequest(MALFORMED);
  }
}

/** 20971520 → "20 MB"; a limit that is no whole number of megabytes keeps its bytes. */
function sizeInWords(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return Number.isInteger(megabytes) ? `${megabytes} MB` : `${bytes.toLocaleString("en-US")} bytes`;
}

function tooLarge(limit: number) {
  return payloadTooLarge(
    `The file exceeds the upload limit of ${sizeInWords(limit)}; split it into smaller files.`,
  );
}

/** Counts body bytes and fails the stream as soon as they pass the limit. */
function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) callback(tooLarge(limit));
      else callback(null, chunk);
    },
  });
}

/**
 * Streams the multipart field `field` of a request without buffering the body: 415 unless the
 * body is multipart/form-data, 413 when Content-Length or the bytes read pass `limit`, 400 when
 * the field is missing. The returned `bytes` fail with the 413 if the limit is passed later.
 */
export function readMultipartFile(
  request: Request,
  field: string,
  limit: number,
): Promise<UploadedFile> {
  assertUncompressedBody(request);
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    throw unsupportedMediaType(
      `Unsupported media type; send the CSV as multipart/form-data in the field "${field}".`,
    );
  }
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit + ENVELOPE_BYTES) throw tooLarge(limit);
  if (!request.body) throw badRequest(`Send the CSV file in the multipart field "${field}".`);

  let busboy: BusboyInstance;
  try {
    busboy = Busboy({
      headers: { "content-type": contentType },
      limits: { fileSize: limit, files: 5, fields: 20 },
    });
  } catch {
    throw badRequest(MALFORMED);
  }

  return new Promise((resolve, reject) => {
    let file: Readable | null = null;
    const fieldsBefore: Record<string, string> = {};
    const body = Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>);
    busboy.on("field", (name, value) => {
      if (!file) fieldsBefore[name] = value;
    });
    busboy.on("file", (name, stream, fileName, _encoding, mimeType) => {
      if (name !== field || file) {
        stream.resume();
        return;
      }
      file = stream;
      stream.on("limit", () => stream.destroy(tooLarge(limit)));
      // The reader sees failures through its iterator; an error after it stopped must not crash.
      stream.on("error", () => undefined);
      resolve({
        fileName: fileName ?? "",
        mimeType: mimeType ?? "",
        bytes: malformedAsBadRequest(stream),
        fieldsBefore,
      });
    });
    pipeline(body, byteLimit(limit + ENVELOPE_BYTES), busboy).then(
      () => {
        if (!file) reject(badRequest(`Send the CSV file in the multipart field "${field}".`));
      },
      (error: unknown) => {
        const failure = error instanceof ApiError ? error : badRequest(MALFORMED);
        // Once the file is handed out, its reader must see the failure (or it would wait forever).
        if (file) file.destroy(failure);
        else reject(failure);
      },
    );
  });
}

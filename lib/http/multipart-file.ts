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

/** File parts busboy hands over; past them the form is refused (the one wanted may be among them). */
const MAX_FILE_PARTS = 5;

const MALFORMED = "Malformed multipart/form-data body.";

/**
 * The file's bytes, then the rest of the body: a part after the file can still refuse the form (a
 * second file, a field sent too late), so the file is whole only once the body has ended. Failing
 * with a 400 when the body breaks off: busboy's own error ("Part terminated early") can reach the
 * reader before the pipeline's failure does.
 */
async function* fileThenRest(stream: Readable, rest: Promise<void>): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    throw error instanceof ApiError ? error : badRequest(MALFORMED);
  }
  await rest;
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

/** Reading the form on would misread it: it is refused, with the field at fault named. */
function misreadForm(field: string, message: string): ApiError {
  return badRequest(message, { errors: [{ field, message }] });
}

/**
 * Streams the multipart field `field` of a request without buffering the body: 415 unless the
 * body is multipart/form-data, 413 when Content-Length or the bytes read pass `limit`, 400 when
 * the field is missing or sent twice, or when one of `fieldsFirst` comes after it. The returned
 * `bytes` fail with the 413 or 400 if the rest of the body brings one, and end with the body.
 */
export function readMultipartFile(
  request: Request,
  field: string,
  limit: number,
  fieldsFirst: readonly string[] = [],
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
      limits: { fileSize: limit, files: MAX_FILE_PARTS, fields: 20 },
    });
  } catch {
    throw badRequest(MALFORMED);
  }

  return new Promise((resolve, reject) => {
    let file: Readable | null = null;
    const fieldsBefore: Record<string, string> = {};
    const body = Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>);
    const oneFile = `Only one file may be sent, in the field "${field}"; upload each file on its own.`;
    // The pipeline fails with the refusal at once: the rest of the body is not worth receiving.
    // It is also kept, since a body that has already ended ignores destroy() and the pipeline
    // would then succeed as if nothing had been refused.
    let refusal: ApiError | null = null;
    const refuse = (error: ApiError) => {
      refusal ??= error;
      body.destroy(error);
    };
    busboy.on("field", (name, value) => {
      if (!file) fieldsBefore[name] = value;
      else if (fieldsFirst.includes(name)) {
        const message = `The "${name}" field must come before "${field}" in the form; send it first.`;
        refuse(misreadForm(name, message));
      }
    });
    busboy.on("file", (name, stream, fileName, _encoding, mimeType) => {
      if (name !== field || file) {
        stream.resume();
        if (file && name === field) refuse(misreadForm(field, oneFile));
        return;
      }
      file = stream;
      stream.on("limit", () => stream.destroy(tooLarge(limit)));
      // The reader sees failures through its iterator; an error after it stopped must not crash.
      stream.on("error", () => undefined);
      resolve({
        fileName: fileName ?? "",
        mimeType: mimeType ?? "",
        bytes: fileThenRest(stream, received),
        fieldsBefore,
      });
    });
    // busboy reports no file past its limit, so a second `file` there would go unseen.
    busboy.on("filesLimit", () =>
      refuse(
        file
          ? misreadForm(field, oneFile)
          : misreadForm(field, `Too many files in the form: send one, in the field "${field}".`),
      ),
    );
    const received = pipeline(body, byteLimit(limit + ENVELOPE_BYTES), busboy).then(
      () => {
        if (refusal) {
          file?.destroy(refusal);
          throw refusal;
        }
        if (!file) throw badRequest(`Send the CSV file in the multipart field "${field}".`);
      },
      (error: unknown) => {
        const failure = refusal ?? (error instanceof ApiError ? error : badRequest(MALFORMED));
        // A reader still inside the file must see the failure (or it would wait forever).
        file?.destroy(failure);
        throw failure;
      },
    );
    // Before the file, the failure is the answer; after it, the reader meets it at the file's end.
    received.catch(reject);
  });
}

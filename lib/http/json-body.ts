import type { z } from "zod";
import {
  ApiError,
  badRequest,
  payloadTooLarge,
  unsupportedMediaType,
  validationError,
} from "./errors";

export const MAX_JSON_BYTES = 1024 * 1024;

/** Reads the body as text, refusing more than `limit` bytes without buffering past it. */
export async function readTextLimited(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) {
    throw payloadTooLarge(`Request body exceeds ${limit} bytes.`);
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw payloadTooLarge(`Request body exceeds ${limit} bytes.`);
    }
    chunks.push(value);
  }
  try {
    // Fatal: a Latin-1 body must be refused, not stored with U+FFFD in place of its letters.
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw badRequest("The request body is not valid UTF-8.");
  }
}

export type JsonBodyOptions = {
  limit?: number;
  /** Sees the body's text before it is parsed: a refusal that parsing would cost too much for. */
  beforeParse?: (text: string) => void;
  /**
   * Sees the parsed JSON before the schema does and returns what the schema validates: a refusal
   * that must not depend on the values, or fields to ignore.
   */
  beforeValidation?: (data: unknown) => unknown | Promise<unknown>;
};

/** Parses a JSON body against a schema: 415 for another content type, 413 when too big, 400 when malformed or invalid. */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  { limit = MAX_JSON_BYTES, beforeParse, beforeValidation }: JsonBodyOptions = {},
): Promise<z.infer<S>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) {
    throw unsupportedMediaType('Unsupported media type; send "Content-Type: application/json".');
  }
  const text = await readTextLimited(request, limit);
  beforeParse?.(text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badRequest("Malformed JSON request body.");
  }
  const parsed = schema.safeParse(beforeValidation ? await beforeValidation(data) : data);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

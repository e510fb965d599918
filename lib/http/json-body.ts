import type { z } from "zod";
import {
  assertUncompressedBody,
  badRequest,
  forbidden,
  payloadTooLarge,
  unsupportedMediaType,
  validationError,
} from "./errors";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "./json-depth";
import { isOwnOrigin } from "./public-url";

export const MAX_JSON_BYTES = 1024 * 1024;
/** The token endpoints' bodies (an email and a password, or a token) fit in a few hundred bytes. */
export const MAX_TOKEN_BODY_BYTES = 16 * 1024;

/** Reads the body's bytes, refusing more than `limit` without buffering past it. */
async function readBytesLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) {
    throw payloadTooLarge(`Request body exceeds ${limit} bytes.`);
  }
  if (!request.body) return new Uint8Array();
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
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Reads the body as text, refusing more than `limit` bytes without buffering past it. */
export async function readTextLimited(request: Request, limit: number): Promise<string> {
  const bytes = await readBytesLimited(request, limit);
  try {
    // Fatal: a Latin-1 body must be refused, not stored with U+FFFD in place of its letters.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw badRequest("The request body is not valid UTF-8.");
  }
}

export type JsonBodyOptions = {
  limit?: number;
  /**
   * Also takes an HTML form's body (urlencoded or multipart, fields only), as DRF's default
   * parsers did: for endpoints whose fields are all text, such as the token endpoints, which
   * clients and Postman often call that way.
   */
  acceptForms?: boolean;
  /** Sees the body's text before it is parsed: a refusal that parsing would cost too much for. */
  beforeParse?: (text: string) => void;
  /**
   * Sees the parsed JSON before the schema does and returns what the schema validates: a refusal
   * that must not depend on the values, or fields to ignore.
   */
  beforeValidation?: (data: unknown) => unknown | Promise<unknown>;
};

const FORM_URLENCODED = /^application\/x-www-form-urlencoded\b/i;
const MULTIPART_FORM = /^multipart\/form-data\b/i;

/**
 * Any web page can make its visitors' browsers post a form here, with no CORS preflight to stop
 * it (a JSON body has one): a form from another site is refused, so that no page can spend
 * visitors' sign-in attempts on someone's account. A browser's form names its page's origin,
 * which must be this app's (the address it was reached at, or NEXTAUTH_URL's) to the port;
 * clients outside a browser send neither header.
 */
function assertFormFromOwnSite(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const crossSite = site !== null && site !== "same-origin" && site !== "none";
  if (crossSite || (origin !== null && !isOwnOrigin(request, origin))) {
    throw forbidden("A form from another site is refused.");
  }
}

/**
 * Both form parsers decode leniently: bytes (or %-escapes) that are not UTF-8 become U+FFFD. Such a
 * field is refused rather than tried as a password with U+FFFD in it.
 */
function assertDecodedAsUtf8(name: string, value: string): void {
  if (value.includes("\uFFFD")) throw badRequest(`"${name}" is not valid UTF-8.`);
}

/** An HTML form's fields as an object (the last of a repeated name, as Django's QueryDict.dict()). */
async function formFields(
  request: Request,
  contentType: string,
  limit: number,
): Promise<Record<string, string>> {
  assertFormFromOwnSite(request);
  if (FORM_URLENCODED.test(contentType)) {
    const fields = Object.fromEntries(new URLSearchParams(await readTextLimited(request, limit)));
    for (const [name, value] of Object.entries(fields)) assertDecodedAsUtf8(name, value);
    return fields;
  }
  // Parts are decoded by the form parser: a file part need not be text to be refused as a file.
  const bytes = await readBytesLimited(request, limit);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw badRequest("Malformed multipart/form-data body.");
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value !== "string") throw badRequest(`"${name}" is a file; send text fields only.`);
    assertDecodedAsUtf8(name, value);
    fields[name] = value;
  }
  return fields;
}

/**
 * Parses a JSON body (or, with `acceptForms`, a form's) against a schema: 415 for another content
 * type, 413 when too big, 400 when malformed or invalid.
 */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  {
    limit = MAX_JSON_BYTES,
    acceptForms = false,
    beforeParse,
    beforeValidation,
  }: JsonBodyOptions = {},
): Promise<z.infer<S>> {
  assertUncompressedBody(request);
  const contentType = request.headers.get("content-type") ?? "";
  let data: unknown;
  if (acceptForms && (FORM_URLENCODED.test(contentType) || MULTIPART_FORM.test(contentType))) {
    data = await formFields(request, contentType, limit);
  } else if (/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) {
    const text = await readTextLimited(request, limit);
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      throw badRequest(`JSON request body nested more than ${MAX_JSON_DEPTH} levels deep.`);
    }
    beforeParse?.(text);
    try {
      // An empty body is no data, as DRF read it: the schema then names what is required.
      data = text === "" ? {} : JSON.parse(text);
    } catch {
      throw badRequest("Malformed JSON request body.");
    }
  } else {
    throw unsupportedMediaType('Unsupported media type; send "Content-Type: application/json".');
  }
  const parsed = schema.safeParse(beforeValidation ? await beforeValidation(data) : data);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/**
 * A body the endpoint may go without: none at all (or declared empty, whatever its type) is
 * `absent`; one sent is held to `schema` as any JSON body is (so a form or another type is 415,
 * not silently ignored).
 */
export async function parseOptionalJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  absent: z.infer<S>,
): Promise<z.infer<S>> {
  const length = request.headers.get("content-length");
  if (length === "0") return absent;
  const sent = ["content-type", "content-length", "transfer-encoding"].some((name) =>
    request.headers.has(name),
  );
  return sent ? parseJsonBody(request, schema) : absent;
}

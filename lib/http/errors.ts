import { z, type ZodError } from "zod";

// Zod's generic words become DRF's, set where validation errors become answers, so before any is
// parsed; a schema's own message for the case still wins. A field left out is "This field is
// required." (not "Invalid input: expected string, received undefined", or for a choice "Invalid
// option"), a null where none is taken "This field may not be null.", a value of another type or
// length DRF's words for it, and a value outside a choice names itself and the choices.
const MISSING_VALUE_CODES = new Set(["invalid_type", "invalid_value", "invalid_union"]);
/** A longer value is not echoed back in the message. */
const ECHOED_CHOICE_MAX = 40;

/** A JSON value's type as DRF's messages name it (Python's names). */
function pythonTypeName(input: unknown): string {
  if (Array.isArray(input)) return "list";
  if (typeof input === "string") return "str";
  if (typeof input === "boolean") return "bool";
  if (typeof input === "number") return Number.isInteger(input) ? "int" : "float";
  return "dict";
}

/** DRF's message for a value of another type than the field takes, by zod's `expected`. */
const WRONG_TYPE: Record<string, (input: unknown) => string> = {
  string: () => "Not a valid string.",
  number: () => "A valid number is required.",
  int: () => "A valid integer is required.",
  boolean: () => "Must be a valid boolean.",
  array: (input) => `Expected a list of items but got type "${pythonTypeName(input)}".`,
  object: (input) => `Invalid data. Expected a dictionary, but got ${pythonTypeName(input)}.`,
};

z.config({
  customError: (issue) => {
    if (MISSING_VALUE_CODES.has(issue.code ?? "") && issue.input === undefined) {
      return "This field is required.";
    }
    if (MISSING_VALUE_CODES.has(issue.code ?? "") && issue.input === null) {
      return "This field may not be null.";
    }
    if (issue.code === "invalid_type") return WRONG_TYPE[issue.expected]?.(issue.input);
    if (issue.code === "too_big" && issue.origin === "string") {
      return `Ensure this field has no more than ${issue.maximum} characters.`;
    }
    if (issue.code === "too_small" && issue.origin === "string") {
      return `Ensure this field has at least ${issue.minimum} characters.`;
    }
    if (issue.code !== "invalid_value") return undefined;
    const choices = `Choose one of ${issue.values.join(", ")}.`;
    return typeof issue.input === "string" && issue.input.length <= ECHOED_CHOICE_MAX
      ? `"${issue.input}" is not a valid choice. ${choices}`
      : `Not a valid choice. ${choices}`;
  },
});

export type FieldError = { field: string; message: string };

/** An error that maps to an HTTP status and a DRF-style JSON body: {"detail": "...", ...extra}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

export const badRequest = (detail: string, extra?: Record<string, unknown>) =>
  new ApiError(400, detail, extra);
export const unauthorized = (detail = "Authentication credentials were not provided.") =>
  new ApiError(401, detail, {}, { "WWW-Authenticate": 'Bearer realm="api"' });
export const forbidden = (detail = "You do not have permission to perform this action.") =>
  new ApiError(403, detail);
export const notFound = (detail = "Not found.") => new ApiError(404, detail);
export const conflict = (detail: string, extra?: Record<string, unknown>) =>
  new ApiError(409, detail, extra);
export const methodNotAllowed = (method: string, allow: string) =>
  new ApiError(405, `Method "${method}" not allowed.`, {}, { Allow: allow });
export const preconditionFailed = (
  detail = "The resource was modified by someone else; reload it.",
) => new ApiError(412, detail);
export const payloadTooLarge = (detail: string) => new ApiError(413, detail);
export const unsupportedMediaType = (detail: string) => new ApiError(415, detail);
const UNAVAILABLE_DETAIL = {
  unreachable: "The service is unavailable for a moment; nothing was changed. Try again shortly.",
  lost: "The connection to the database was lost during the request; a change may or may not have been saved. Check before sending it again.",
} as const;

/** A request naming a host the app does not answer as (lib/http/public-url.ts answersAsHost). */
export const unknownHost = () =>
  new ApiError(400, "This server does not answer as the host the request names.");

/** The database is out of reach for now; a retry may well succeed (after a check, if `lost`). */
export const unavailable = (kind: keyof typeof UNAVAILABLE_DETAIL) =>
  new ApiError(503, UNAVAILABLE_DETAIL[kind], {}, { "Retry-After": "5" });

const UNKNOWN_FIELD = "Unknown field.";

/**
 * zod issues → [{field, message}], with nested paths joined by dots ("tasks.3.title"). Each
 * unknown key of a strict object is an error of its own field, so a client sees which to drop.
 * One error per field and message: a value can fail two checks that say the same thing. A value
 * of the wrong type is that field's only error: zod still runs the checks meant for the right
 * type (a list "too short" for a password), whose words would mislead.
 */
export function fieldErrors(error: ZodError): FieldError[] {
  type Found = FieldError & { wrongType: boolean };
  const all = error.issues.flatMap((issue): Found[] => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: [...path, key].join("."),
        message: UNKNOWN_FIELD,
        wrongType: false,
      }));
    }
    const field = path.join(".") || "non_field_errors";
    return [{ field, message: issue.message, wrongType: issue.code === "invalid_type" }];
  });
  const wronglyTyped = new Set(all.filter((e) => e.wrongType).map((e) => e.field));
  const seen = new Set<string>();
  return all.flatMap(({ field, message, wrongType }) => {
    const key = JSON.stringify([field, message]);
    if ((wronglyTyped.has(field) && !wrongType) || seen.has(key)) return [];
    seen.add(key);
    return [{ field, message }];
  });
}

export function validationError(error: ZodError, detail = "Validation failed."): ApiError {
  return new ApiError(400, detail, { errors: fieldErrors(error) });
}

/** A 400 about one field, shaped as a schema's validation errors are. */
export function invalidField(field: string, message: string): ApiError {
  return new ApiError(400, "Validation failed.", { errors: [{ field, message }] });
}

/**
 * 415 for a compressed request body: its bytes would otherwise be read as text and refused as
 * "not valid UTF-8" or malformed, which sends the client looking in the wrong place.
 */
export function assertUncompressedBody(request: Request): void {
  const encoding = request.headers.get("content-encoding")?.trim().toLowerCase();
  if (encoding && encoding !== "identity") {
    throw unsupportedMediaType(
      "Compressed request bodies (Content-Encoding) are not accepted; send the body uncompressed.",
    );
  }
}

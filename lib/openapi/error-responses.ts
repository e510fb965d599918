type ErrorExample = {
  detail: string;
  errors?: { field?: string; line?: number; message: string }[];
};

const ERROR_SCHEMA = { $ref: "#/components/schemas/Error" };

function errorResponse(
  description: string,
  example: ErrorExample,
  headers?: Record<string, { description: string; schema: { type: string } }>,
) {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { "application/json": { schema: ERROR_SCHEMA, example } },
  };
}

/** The error answers every operation shares, referenced from route JSDoc as `$ref: '#/components/responses/<Name>'`. */
export const ERROR_RESPONSES = {
  BadRequest: errorResponse(
    "Invalid input: malformed JSON, or values that fail validation (each listed in `errors`); or a Host this server does not answer as, or a malformed address.",
    { detail: "Validation failed.", errors: [{ field: "title", message: "Title is required." }] },
  ),
  BadAddress: errorResponse(
    "The request's Host is not an address this server answers as (NEXTAUTH_URL, ALLOWED_HOSTS, loopback), or its path or query holds a malformed %-escape.",
    { detail: "This server does not answer as the host the request names." },
  ),
  Unauthorized: errorResponse(
    "No valid access token. Sign in with `POST /api/auth/login` and send `Authorization: Bearer <access>`.",
    { detail: "Authentication credentials were not provided." },
    {
      "WWW-Authenticate": {
        description:
          '`Bearer realm="api"`; for a token that was sent but refused, `Bearer realm="api", error="invalid_token"`.',
        schema: { type: "string" },
      },
    },
  ),
  Forbidden: errorResponse("Your role may not do this.", {
    detail: "You do not have permission to perform this action.",
  }),
  NotFound: errorResponse("No such resource, or it is outside what you may see.", {
    detail: "Not found.",
  }),
  Conflict: errorResponse("The request conflicts with the current state (e.g. a duplicate).", {
    detail: "A user with this email already exists.",
  }),
  PreconditionFailed: errorResponse(
    "`If-Match` named an older version: someone changed the resource since you read it.",
    { detail: "The resource was modified by someone else; reload it." },
  ),
  PayloadTooLarge: errorResponse("The request body is larger than allowed.", {
    detail: "Request body exceeds 1048576 bytes.",
  }),
  UnsupportedMediaType: errorResponse(
    "The request body has the wrong content type, or is compressed.",
    {
      detail: 'Unsupported media type; send "Content-Type: application/json".',
    },
  ),
  InternalServerError: errorResponse(
    "Something failed on the server (logged with the request id); nothing was half-written.",
    { detail: "Internal server error." },
  ),
  TooManyRequests: errorResponse(
    "Rate limit reached; retry after the number of seconds in `Retry-After`.",
    { detail: "Request was throttled. Expected available in 12 seconds." },
    {
      "Retry-After": {
        description: "Seconds to wait before retrying.",
        schema: { type: "integer" },
      },
    },
  ),
  Unavailable: errorResponse(
    "The database could not be reached, or a row stayed locked too long: nothing was changed. Or the connection to it dropped during the request: the `detail` says a change may or may not have been saved, so check before sending it again. Try again after `Retry-After` seconds.",
    { detail: "The service is unavailable for a moment; nothing was changed. Try again shortly." },
    {
      "Retry-After": {
        description: "Seconds to wait before trying again.",
        schema: { type: "integer" },
      },
    },
  ),
  Busy: errorResponse(
    "Other writes collided with this one at the same moment and it was undone, or the database was out of reach; nothing was saved. Send it again after `Retry-After` seconds.",
    { detail: "Other changes collided with this one; nothing was saved. Send it again." },
    {
      "Retry-After": {
        description: "Seconds to wait before sending again.",
        schema: { type: "integer" },
      },
    },
  ),
} as const;

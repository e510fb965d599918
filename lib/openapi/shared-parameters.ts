import { MAX_ID } from "@/lib/validation/id-text";

/**
 * No examples on ids or headers: Swagger UI fills a parameter's example into "Try it out", and a
 * reset-password or DELETE run without editing it would act on id 1, most often the first admin;
 * an If-Match of "1" would refuse (412) every task changed once.
 */
const idParameter = (description: string) => ({
  name: "id",
  in: "path",
  required: true,
  description,
  schema: { type: "integer", minimum: 1, maximum: MAX_ID },
});

/** Parameters shared by routes, referenced from JSDoc as `$ref: '#/components/parameters/<Name>'`. */
export const SHARED_PARAMETERS = {
  TaskId: idParameter("The task's id."),
  UserId: idParameter("The user's id."),
  IfMatch: {
    name: "If-Match",
    in: "header",
    required: false,
    description:
      'Apply only if the task is still at this version: its ETag (`"3"`), as GET returned it, or ' +
      'a comma-separated list of them (`"3", "4"`). 412 when someone changed it since; a weak ' +
      'ETag (`W/"3"`) never matches; `*` or no header applies to the task as it is.',
    schema: { type: "string", pattern: '^(\\*|(W/)?"[^"]*"(\\s*,\\s*(W/)?"[^"]*")*)$' },
  },
  IdempotencyKey: {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description:
      "Any unique string (1–255 visible ASCII characters). A retry with the same key and body " +
      "replays the first response (`Idempotent-Replayed: true`) instead of creating the tasks " +
      "twice; the same key with another body is 409. Keys are kept 24 hours.",
    schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
  },
};

import { formRefusalMessage } from "@/lib/client/call-action";
import { describe, expect, it } from "vitest";
import { toActionResult } from "@/lib/actions/result";
import { notFound } from "@/lib/http/errors";
import { taskIdSchema } from "@/lib/validation/tasks";

/** What mysql2 rejects with when nothing listens on the database's port: fatal to the connection. */
function refusedConnection(): Error {
  return Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), {
    code: "ECONNREFUSED",
    fatal: true,
  });
}

describe("toActionResult", () => {
  it("hands back the service's refusal in words", async () => {
    expect(await toActionResult(() => Promise.reject(notFound()))).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it("answers arguments a schema refuses with 400, not a 500: actions take anything", async () => {
    const result = await toActionResult(async () => taskIdSchema.parse("5 OR 1=1"));
    expect(result).toEqual({
      ok: false,
      status: 400,
      message: "Validation failed.",
      fieldErrors: [{ field: "non_field_errors", message: "Must be a task id." }],
    });
  });

  it("says the database is out of reach, and that nothing was changed, as the API does", async () => {
    const result = await toActionResult(() => Promise.reject(refusedConnection()));
    expect(result).toMatchObject({ ok: false, status: 503 });
    expect(result.ok ? "" : result.message).toMatch(/nothing was changed/);
  });

  it("reports anything else without its internals", async () => {
    const result = await toActionResult(() => Promise.reject(new Error("SELECT secret")));
    expect(result).toEqual({
      ok: false,
      status: 500,
      message: "Something went wrong on our side. Please try again.",
      fieldErrors: [],
    });
  });
});

describe("a form's refusal above its fields", () => {
  it("points at the fields when they carry the errors, and keeps the server's words otherwise", () => {
    const fields = [{ field: "email", message: "Enter a valid email address." }];
    expect(
      formRefusalMessage({ message: "Validation failed.", fieldErrors: fields }, ["email"]),
    ).toBe("Some fields need correcting; each says why.");
    // A field the form has no place for: its own message, not a pointer to nothing.
    const hidden = [{ field: "non_field_errors", message: "Must be a task id." }];
    expect(
      formRefusalMessage({ message: "Validation failed.", fieldErrors: hidden }, ["email"]),
    ).toBe("Must be a task id.");
    expect(formRefusalMessage({ message: "Not found.", fieldErrors: [] }, ["email"])).toBe(
      "Not found.",
    );
  });
});

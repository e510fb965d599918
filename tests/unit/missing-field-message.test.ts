import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/http/errors";
import { loginSchema } from "@/lib/validation/auth";
import { createTaskSchema } from "@/lib/validation/tasks";
import { editUserSchema, updateUserSchema } from "@/lib/validation/users";

describe("a field left out", () => {
  it("is 'This field is required.', a choice as much as a text", () => {
    const user = editUserSchema.safeParse({});
    expect(user.success).toBe(false);
    // The email is left out of one's own account's edit, so only these two are required.
    expect(fieldErrors(user.error!)).toEqual([
      { field: "full_name", message: "This field is required." },
      { field: "role", message: "This field is required." },
    ]);
  });

  it("leaves a schema's own words for the case", () => {
    const task = createTaskSchema.safeParse({});
    expect(fieldErrors(task.error!)).toEqual([{ field: "title", message: "Title is required." }]);
  });
});

describe("a value outside a choice", () => {
  it("names itself and the choices, as DRF's 'is not a valid choice'", () => {
    const task = createTaskSchema.safeParse({ title: "t", priority: "CRITICAL", status: 3 });
    expect(fieldErrors(task.error!)).toEqual([
      {
        field: "status",
        message: "Not a valid choice. Choose one of TODO, IN_PROGRESS, DONE.",
      },
      {
        field: "priority",
        message: '"CRITICAL" is not a valid choice. Choose one of LOW, MEDIUM, HIGH, URGENT.',
      },
    ]);
    const long = createTaskSchema.safeParse({ title: "t", status: "x".repeat(41) });
    expect(fieldErrors(long.error!)[0]!.message).toBe(
      "Not a valid choice. Choose one of TODO, IN_PROGRESS, DONE.",
    );
  });
});

describe("a value of another type", () => {
  it("is named in DRF's words, a null as DRF's 'may not be null'", () => {
    const task = createTaskSchema.safeParse({ title: "t", description: 12, status: null });
    expect(fieldErrors(task.error!)).toEqual([
      { field: "description", message: "Not a valid string." },
      { field: "status", message: "This field may not be null." },
    ]);
    const user = updateUserSchema.safeParse({ is_active: "true", full_name: null });
    expect(fieldErrors(user.error!)).toEqual([
      { field: "full_name", message: "This field may not be null." },
      { field: "is_active", message: "Must be a valid boolean." },
    ]);
    for (const [body, message] of [
      [[], "Invalid data. Expected a dictionary, but got list."],
      ["text", "Invalid data. Expected a dictionary, but got str."],
    ] as const) {
      const parsed = createTaskSchema.safeParse(body);
      expect(fieldErrors(parsed.error!)).toEqual([{ field: "non_field_errors", message }]);
    }
  });
});

describe("a text of the wrong length", () => {
  it("says the limit, as DRF's 'Ensure this field has no more than N characters.'", () => {
    const user = editUserSchema.safeParse({
      email: `${"a".repeat(250)}@example.com`,
      full_name: "F",
      role: "EMPLOYEE",
    });
    expect(fieldErrors(user.error!)).toEqual([
      { field: "email", message: "Ensure this field has no more than 254 characters." },
    ]);
  });
});

describe("a value of another type", () => {
  it("is its field's one error: the checks meant for the right type say nothing of it", () => {
    const login = loginSchema.safeParse({ email: 1, password: [] });
    expect(fieldErrors(login.error!)).toEqual([
      { field: "email", message: "Not a valid string." },
      { field: "password", message: "Not a valid string." },
    ]);
    // A field of the right type keeps every error it has.
    const short = loginSchema.safeParse({ email: "", password: "" });
    expect(fieldErrors(short.error!).map((e) => e.field)).toEqual(["email", "password"]);
  });
});

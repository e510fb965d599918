import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/http/errors";
import { createTaskSchema } from "@/lib/validation/tasks";
import { editUserSchema } from "@/lib/validation/users";

describe("a field left out", () => {
  it("is 'This field is required.', a choice as much as a text", () => {
    const user = editUserSchema.safeParse({});
    expect(user.success).toBe(false);
    expect(fieldErrors(user.error!)).toEqual([
      { field: "full_name", message: "This field is required." },
      { field: "role", message: "This field is required." },
    ]);
  });

  it("leaves a schema's own words for the case, and wrong values, as they were", () => {
    const task = createTaskSchema.safeParse({ priority: "CRITICAL" });
    expect(fieldErrors(task.error!)).toEqual([
      { field: "title", message: "Title is required." },
      { field: "priority", message: expect.stringMatching(/^Invalid option/) },
    ]);
  });
});

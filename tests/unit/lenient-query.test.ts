import { describe, expect, it } from "vitest";
import { ignoredFiltersMessage, parseLeavingOutInvalid } from "@/lib/pages/lenient-query";
import { pageTaskQuery } from "@/lib/pages/task-list-query";
import { activityTrailQuerySchema } from "@/lib/validation/activity-trail";
import { listUsersQuerySchema } from "@/lib/validation/users";

describe("a page's filters with one the schema refuses", () => {
  it("leaves out only that one: the others still apply", () => {
    const { data, ignored } = parseLeavingOutInvalid(activityTrailQuerySchema, {
      kind: "USER_CREATED",
      from: "2026-12-01",
      to: "2026-11-01",
    });
    expect(data).toMatchObject({ kind: "USER_CREATED", from: "2026-12-01" });
    expect(data.to).toBeUndefined();
    expect(ignoredFiltersMessage(ignored, { to: "To" })).toBe(
      "Some filters were not understood and were ignored: To (The start date must not be after the end date.).",
    );

    const users = parseLeavingOutInvalid(listUsersQuerySchema, {
      search: "anna",
      is_active: "false",
      ordering: "bogus",
    });
    expect(users.data).toMatchObject({ search: "anna", is_active: false });
    expect(users.ignored.map((i) => i.field)).toEqual(["ordering"]);
  });

  it("keeps a task page's valid filters and names the bad one by its box", () => {
    const { query, invalid } = pageTaskQuery({
      status: "NOPE",
      search: "report",
      priority: "HIGH",
    });
    expect(query.search).toBe("report");
    expect(query.priority).toEqual(["HIGH"]);
    expect(query.status).toBeUndefined();
    // In the page's words: the API's list of codes (TODO, IN_PROGRESS…) is not what its box shows.
    expect(invalid).toBe(
      "Some filters were not understood and were ignored: Status (not one of the choices offered).",
    );
    expect(pageTaskQuery({ search: "report" }).invalid).toBeNull();
  });
});

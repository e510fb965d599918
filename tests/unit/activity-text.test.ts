import { describe, expect, it } from "vitest";
import { describeActivity } from "@/components/tasks/activity-text";
import type { ActivityDto } from "@/lib/services/tasks";

const names = new Map([[7, "Emma Employee"]]);

function change(field: string, from: string | null, to: string | null): ActivityDto {
  return {
    id: 1,
    kind: field === "status" ? "TASK_STATUS_CHANGED" : "TASK_UPDATED",
    field,
    from_value: from,
    to_value: to,
    created_at: "2026-11-30T09:00:00.000Z",
    actor: null,
    task_id: 1,
  };
}

describe("an activity row in words", () => {
  it("reads codes, people and days as the rest of the dashboard shows them", () => {
    expect(describeActivity(change("status", "TODO", "IN_PROGRESS"), names)).toBe(
      "changed the status from To do to In progress",
    );
    expect(describeActivity(change("assigned_to", null, "7"), names)).toBe(
      "changed the assignee from nothing to Emma Employee",
    );
    expect(describeActivity(change("due_date", "2026-01-01", "2026-12-15"), names)).toBe(
      "changed the due date from 1 Jan 2026 to 15 Dec 2026",
    );
    expect(describeActivity(change("title", "Old", "New"), names)).toBe(
      "changed the title from “Old” to “New”",
    );
  });
});

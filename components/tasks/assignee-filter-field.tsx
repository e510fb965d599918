"use client";

import { useState } from "react";
import { AssigneeField, type AssignableUser } from "@/components/task-form/assignee-field";

/**
 * The Assignee filter for organisations larger than a select can list: the assignee picker,
 * whose choice the GET form sends as `assigned_to`. Empty means anyone; text that names nobody
 * holds the form back instead of being dropped from the filters.
 */
export function AssigneeFilterField({
  people,
  current,
}: {
  people: AssignableUser[];
  current: AssignableUser | null;
}) {
  const [assignee, setAssignee] = useState(current?.id ?? null);
  return (
    <div>
      <AssigneeField
        users={people}
        current={current}
        value={assignee}
        onChange={setAssignee}
        placeholder="Anyone: type a name or e-mail"
        unresolvedMessage="Choose someone the suggestions offer, or clear the field for anyone."
      />
      <input type="hidden" name="assigned_to" value={assignee ?? ""} />
    </div>
  );
}

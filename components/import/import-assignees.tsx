"use client";

import { useId } from "react";
import { assigneeSummarySchema } from "@/lib/validation/bulk-create";

const tasks = (n: number) => `${n.toLocaleString("en-US")} task${n === 1 ? "" : "s"}`;

/**
 * Who a checked file's tasks would go to, by name: a file gives its assignees as ids or e-mails,
 * and a wrong column or an old export shows here before anything is saved.
 */
export function ImportAssignees({ body }: { body: Record<string, unknown> }) {
  const headingId = useId();
  const parsed = assigneeSummarySchema.safeParse(body.assignees);
  if (!parsed.success) return null;
  const { people, more_people, unassigned } = parsed.data;
  return (
    <section aria-labelledby={headingId} className="text-sm">
      <h2 id={headingId} className="font-semibold">
        Who gets the tasks
      </h2>
      <ul className="mt-1 space-y-0.5">
        {people.map((person) => (
          <li key={person.id}>
            {person.full_name} <span className="text-slate-600">&lt;{person.email}&gt;</span>:{" "}
            {tasks(person.tasks)}
          </li>
        ))}
        {more_people > 0 ? (
          <li>
            and {more_people.toLocaleString("en-US")} more {more_people === 1 ? "person" : "people"}
          </li>
        ) : null}
        {unassigned > 0 ? <li>Nobody assigned: {tasks(unassigned)}</li> : null}
      </ul>
    </section>
  );
}

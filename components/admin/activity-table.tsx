import { TaskLink } from "@/components/tasks/task-link";
import { Timestamp } from "@/components/ui/timestamp";
import { activityValue, type Names } from "@/components/tasks/activity-text";
import type { ActivityKind } from "@/lib/domain/enums";
import type { TrailEntry } from "@/lib/services/activity-trail";
import { ACTIVITY_LABELS, fieldLabel } from "./activity-labels";
import { ROLE_LABELS } from "./format";

/** A value of the trail in words, as the task page shows it; "—" for none. */
function trailValue(field: string, value: string | null, names: Names): React.ReactNode {
  if (value === null) return "—";
  // The one instant the trail stores (as ISO): on the company's clock, like every other time.
  if (field === "locked_until") return <Timestamp iso={value} />;
  if (field === "role") return ROLE_LABELS[value as keyof typeof ROLE_LABELS] ?? value;
  if (field === "is_active") return value === "true" ? "active" : "deactivated";
  if (field === "status" || field === "priority" || field === "assigned_to") {
    return activityValue(field, value, names);
  }
  return value;
}

/** Events whose values are what a thing began with: there was no "before" to show. */
const BEGINNINGS = new Set<ActivityKind>(["TASK_CREATED", "TASK_IMPORTED", "USER_CREATED"]);

/** A person by name, their email under it: names repeat in a large company. */
function PersonCell({ person }: { person: NonNullable<TrailEntry["actor"]> }) {
  return (
    <span>
      {person.full_name}
      <span className="block text-xs wrap-anywhere text-slate-600">{person.email}</span>
    </span>
  );
}

function Subject({ entry }: { entry: TrailEntry }) {
  if (entry.task_id !== null) {
    return entry.task_title === null ? (
      <span>Task #{entry.task_id} (deleted)</span>
    ) : (
      <TaskLink id={entry.task_id} className="text-brand-700 underline">
        #{entry.task_id} {entry.task_title}
      </TaskLink>
    );
  }
  if (entry.subject) return <PersonCell person={entry.subject} />;
  return <span className="text-slate-600">—</span>;
}

function Change({ entry, names }: { entry: TrailEntry; names: Names }) {
  if (!entry.field) return <span className="text-slate-600">—</span>;
  if (entry.from_value === null && entry.to_value === null)
    return <span>{fieldLabel(entry.field)}</span>;
  if (entry.from_value === null && BEGINNINGS.has(entry.kind)) {
    return (
      <span>
        {fieldLabel(entry.field)}:{" "}
        <span className="font-medium">{trailValue(entry.field, entry.to_value, names)}</span>
      </span>
    );
  }
  return (
    <span>
      {fieldLabel(entry.field)}:{" "}
      <span className="text-slate-700">{trailValue(entry.field, entry.from_value, names)}</span>{" "}
      <span aria-hidden="true">→</span>
      <span className="sr-only">changed to</span>{" "}
      <span className="font-medium">{trailValue(entry.field, entry.to_value, names)}</span>
    </span>
  );
}

/** Who did what, when, before → after; `names` turns user ids (an assignee) into names. */
export function ActivityTable({ entries, names }: { entries: TrailEntry[]; names: Names }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Activity, newest first</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              When
            </th>
            <th scope="col" className="px-3 py-2">
              Who
            </th>
            <th scope="col" className="px-3 py-2">
              What
            </th>
            <th scope="col" className="px-3 py-2">
              Subject
            </th>
            <th scope="col" className="px-3 py-2">
              Change
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="px-3 py-2 whitespace-nowrap">
                <Timestamp iso={entry.created_at} />
              </td>
              <td className="px-3 py-2">
                {entry.actor ? <PersonCell person={entry.actor} /> : "System"}
              </td>
              <td className="px-3 py-2">{ACTIVITY_LABELS[entry.kind]}</td>
              <td className="px-3 py-2">
                <Subject entry={entry} />
              </td>
              <td className="px-3 py-2 break-words">
                <Change entry={entry} names={names} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

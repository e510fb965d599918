import Link from "next/link";
import { Timestamp } from "@/components/ui/timestamp";
import type { TrailEntry } from "@/lib/services/activity-trail";
import { ACTIVITY_LABELS, fieldLabel } from "./activity-labels";

function Subject({ entry }: { entry: TrailEntry }) {
  if (entry.task_id !== null) {
    return entry.task_title === null ? (
      <span>Task #{entry.task_id} (deleted)</span>
    ) : (
      <Link href={`/tasks/${entry.task_id}`} className="text-brand-700 underline">
        #{entry.task_id} {entry.task_title}
      </Link>
    );
  }
  if (entry.subject) return <span>{entry.subject.full_name}</span>;
  return <span className="text-slate-600">—</span>;
}

function Change({ entry }: { entry: TrailEntry }) {
  if (!entry.field) return <span className="text-slate-600">—</span>;
  if (entry.from_value === null && entry.to_value === null)
    return <span>{fieldLabel(entry.field)}</span>;
  return (
    <span>
      {fieldLabel(entry.field)}: <span className="text-slate-700">{entry.from_value ?? "—"}</span>{" "}
      <span aria-hidden="true">→</span>
      <span className="sr-only">changed to</span>{" "}
      <span className="font-medium">{entry.to_value ?? "—"}</span>
    </span>
  );
}

/** Who did what, when, before → after. */
export function ActivityTable({ entries }: { entries: TrailEntry[] }) {
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
              <td className="px-3 py-2">{entry.actor?.full_name ?? "System"}</td>
              <td className="px-3 py-2">{ACTIVITY_LABELS[entry.kind]}</td>
              <td className="px-3 py-2">
                <Subject entry={entry} />
              </td>
              <td className="px-3 py-2 break-words">
                <Change entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { EmptyState } from "@/components/ui/empty-state";
import { Timestamp } from "@/components/ui/timestamp";

export type ActivityView = { id: number; at: string; who: string; what: string };

/** A task's history, newest first. */
export function ActivityList({ items }: { items: ActivityView[] }) {
  if (items.length === 0) return <EmptyState title="No activity recorded yet." />;
  return (
    <ol className="space-y-2">
      {items.map((item) => (
        // A long unbroken title or name in "changed the title from …" wraps inside its card.
        <li
          key={item.id}
          className="rounded-md border border-slate-200 bg-white p-3 text-sm wrap-anywhere"
        >
          <p>
            <span className="font-medium">{item.who}</span> {item.what}
          </p>
          <p className="text-xs text-slate-600">
            <Timestamp iso={item.at} />
          </p>
        </li>
      ))}
    </ol>
  );
}

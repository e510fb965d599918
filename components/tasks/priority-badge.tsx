import type { TaskPriority } from "@/lib/domain/enums";
import { PRIORITY_LABELS } from "./labels";

const STYLES: Record<TaskPriority, string> = {
  LOW: "bg-slate-100 text-slate-700",
  MEDIUM: "bg-sky-100 text-sky-900",
  HIGH: "bg-amber-100 text-amber-900",
  URGENT: "bg-red-100 text-red-900",
};

/** `named`: the badge says "Priority:" to screen readers, unless something beside it already does. */
export function PriorityBadge({
  priority,
  named = true,
}: {
  priority: TaskPriority;
  named?: boolean;
}) {
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STYLES[priority]}`}
    >
      {named ? <span className="sr-only">Priority: </span> : null}
      {PRIORITY_LABELS[priority]}
    </span>
  );
}

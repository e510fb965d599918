import type { TaskStatus } from "@/lib/domain/enums";
import { STATUS_LABELS } from "./labels";

const STYLES: Record<TaskStatus, string> = {
  TODO: "bg-slate-100 text-slate-800",
  IN_PROGRESS: "bg-blue-100 text-blue-900",
  DONE: "bg-green-100 text-green-900",
};

export function StatusBadge({ status }: { status: TaskStatus }) {
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STYLES[status]}`}
    >
      {STATUS_LABELS[status]}
    </span>
  );
}

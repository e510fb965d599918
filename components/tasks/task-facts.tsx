import { Timestamp } from "@/components/ui/timestamp";
import type { TaskDto } from "@/lib/validation/tasks";
import { DueDate } from "./due-date";
import { PriorityBadge } from "./priority-badge";
import { StatusBadge } from "./status-badge";

/** The read-only facts of a task, as a definition list: each term names its value. */
export function TaskFacts({ task }: { task: TaskDto }) {
  const rows: [string, React.ReactNode][] = [
    ["Status", <StatusBadge key="s" status={task.status} />],
    ["Priority", <PriorityBadge key="p" priority={task.priority} named={false} />],
    [
      "Due",
      <DueDate
        key="d"
        date={task.due_date}
        overdue={task.is_overdue}
        named={false}
        small={false}
      />,
    ],
    ["Assignee", task.assignee ? task.assignee.full_name : "Nobody"],
    // Nobody assigned it until someone is assigned: until then it is only who created it.
    [task.assignee ? "Assigned by" : "Created by", task.creator.full_name],
    ["Created", <Timestamp key="c" iso={task.created_at} />],
    ["Updated", <Timestamp key="u" iso={task.updated_at} />],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-700">{term}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

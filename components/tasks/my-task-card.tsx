import { TaskLink } from "@/components/tasks/task-link";
import type { TaskDto } from "@/lib/validation/tasks";
import { DueDate } from "./due-date";
import { PriorityBadge } from "./priority-badge";
import { StatusSelect } from "./status-select";

const EXCERPT_LENGTH = 140;

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH).trimEnd()}…` : text;
}

/** A task as its assignee sees it: what, how urgent, by when, from whom, and its status control. */
export function MyTaskCard({ task }: { task: TaskDto }) {
  return (
    <article
      aria-labelledby={`task-${task.id}-title`}
      className={`rounded-lg border bg-white p-4 shadow-sm ${
        task.is_overdue ? "border-red-300" : "border-slate-200"
      }`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={`task-${task.id}-title`} className="min-w-0 font-semibold">
          <TaskLink id={task.id} className="break-words hover:underline">
            {task.title}
          </TaskLink>
        </h2>
        <PriorityBadge priority={task.priority} />
      </div>
      {task.description ? (
        <p className="mt-1 break-words text-sm text-slate-700">{excerpt(task.description)}</p>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-col gap-0.5">
          <DueDate date={task.due_date} overdue={task.is_overdue} />
          <span className="text-xs text-slate-600">Assigned by {task.creator.full_name}</span>
        </div>
        <StatusSelect
          taskId={task.id}
          taskTitle={task.title}
          status={task.status}
          version={task.version}
        />
      </div>
    </article>
  );
}

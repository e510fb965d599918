"use client";

import { useDraggable } from "@dnd-kit/core";
import { TaskLink } from "@/components/tasks/task-link";
import { memo } from "react";
import { DueDate } from "@/components/tasks/due-date";
import { PriorityBadge } from "@/components/tasks/priority-badge";
import type { UserRef } from "@/lib/validation/tasks";
import { useAssigneeLabel } from "./assignee-labels";
import type { BoardTask } from "./board-types";

function AssigneeName({ assignee }: { assignee: UserRef }) {
  return <>{useAssigneeLabel(assignee)}</>;
}

/** What a card looks like; also drawn in the drag overlay. Pure, so memo can skip it. */
export const CardFace = memo(function CardFace({ task }: { task: BoardTask }) {
  return (
    <>
      <p className="break-words pr-8 text-sm font-medium">
        <TaskLink id={task.id} className="hover:underline">
          {task.title}
        </TaskLink>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <PriorityBadge priority={task.priority} />
        <DueDate date={task.due_date} overdue={task.is_overdue} />
        <span
          className="ml-auto max-w-40 truncate rounded-full bg-slate-700 px-2 py-0.5 text-xs font-semibold text-white"
          title={task.assignee?.full_name ?? "Unassigned"}
        >
          <span aria-hidden="true">
            {task.assignee ? <AssigneeName assignee={task.assignee} /> : "–"}
          </span>
          <span className="sr-only">
            {task.assignee ? `Assigned to ${task.assignee.full_name}` : "Unassigned"}
          </span>
        </span>
      </div>
    </>
  );
});

/**
 * A draggable card. The mouse can grab the whole card, a finger after holding it still (a swipe
 * scrolls); the keyboard starts a move only from the handle button (its activator), so Enter on
 * the title link still opens the task.
 */
export const BoardCard = memo(function BoardCard({ task }: { task: BoardTask }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: task.id,
    data: { status: task.status, title: task.title },
  });
  return (
    <li
      ref={setNodeRef}
      data-task-id={task.id}
      {...listeners}
      className={`relative rounded-md border bg-white p-3 shadow-sm ${
        task.is_overdue ? "border-red-300" : "border-slate-200"
      } ${isDragging ? "opacity-40" : ""}`}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        aria-label={`Move “${task.title}”`}
        className="absolute top-2 right-2 inline-flex h-6 min-w-6 cursor-grab items-center justify-center rounded text-slate-600 hover:bg-slate-100"
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <CardFace task={task} />
    </li>
  );
});

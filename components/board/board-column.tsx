"use client";

import { useDroppable } from "@dnd-kit/core";
import { memo } from "react";
import type { TaskStatus } from "@/lib/domain/enums";
import { STATUS_LABELS } from "@/components/tasks/labels";
import { BoardCard } from "./board-card";
import type { BoardTask, NewTaskDefaults } from "./board-types";
import { QuickAdd } from "./quick-add";

type Props = {
  status: TaskStatus;
  tasks: BoardTask[];
  /** Tasks of this column that match but are not drawn: the count says the whole truth. */
  hidden: number;
  onCreated: (task: BoardTask) => void;
  newTaskDefaults?: NewTaskDefaults;
};

export const BoardColumn = memo(function BoardColumn({
  status,
  tasks,
  hidden,
  onCreated,
  newTaskDefaults,
}: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const headingId = `column-${status}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-column={status}
      className={`flex min-h-48 flex-col gap-3 rounded-lg border p-3 ${
        isOver ? "border-brand-500 bg-brand-50" : "border-slate-200 bg-slate-100"
      }`}
    >
      <h2 id={headingId} className="flex items-center justify-between font-semibold">
        {STATUS_LABELS[status]}
        <span className="rounded-full bg-white px-2 text-sm font-normal text-slate-700">
          {(tasks.length + hidden).toLocaleString("en-US")}
          <span className="sr-only"> tasks</span>
        </span>
      </h2>
      <QuickAdd status={status} onCreated={onCreated} defaults={newTaskDefaults} />
      {tasks.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-center text-sm text-slate-600">
          No tasks here. Drop a card to move it.
        </p>
      ) : (
        <ul aria-label={`${STATUS_LABELS[status]} tasks`} className="flex flex-col gap-2">
          {tasks.map((task) => (
            <BoardCard key={task.id} task={task} />
          ))}
        </ul>
      )}
      {hidden > 0 ? (
        <p className="text-center text-sm text-slate-700">
          {hidden.toLocaleString("en-US")} more, changed longer ago, are not shown; use the filters
          to narrow the board.
        </p>
      ) : null}
    </section>
  );
});

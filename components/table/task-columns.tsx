"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { TaskLink } from "@/components/tasks/task-link";
import { DueDate } from "@/components/tasks/due-date";
import { Timestamp } from "@/components/ui/timestamp";
import { PriorityBadge } from "@/components/tasks/priority-badge";
import { StatusBadge } from "@/components/tasks/status-badge";
import type { TaskDto } from "@/lib/validation/tasks";

const column = createColumnHelper<TaskDto>();

/** Column id → the API's ordering field, for the columns the server can sort by. */
export const SORTABLE = new Set([
  "title",
  "status",
  "priority",
  "due_date",
  "created_at",
  "updated_at",
]);

export const COLUMN_LABELS: Record<string, string> = {
  id: "ID",
  title: "Title",
  description: "Description",
  status: "Status",
  priority: "Priority",
  assigned_to: "Assignee",
  created_by: "Created by",
  due_date: "Due date",
  created_at: "Created",
  updated_at: "Updated",
  version: "Version",
};

/**
 * The columns a phone-wide table keeps (the others are left out below `sm`, whatever the column
 * picker says): with eight columns at 375 px the table scrolled sideways, a row a dozen lines tall.
 */
export const PHONE_COLUMNS = new Set(["select", "title", "status"]);

/** The title; on a phone, who has the task, when it is due and its priority go under it. */
function TitleCell({ task }: { task: TaskDto }) {
  return (
    <>
      <TaskLink id={task.id} className="font-medium wrap-anywhere hover:underline">
        {task.title}
      </TaskLink>
      <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-700 sm:hidden">
        {task.assignee ? (
          <span>
            <span className="sr-only">Assigned to </span>
            {task.assignee.full_name}
          </span>
        ) : (
          <span>Unassigned</span>
        )}
        <DueDate date={task.due_date} overdue={task.is_overdue} />
        <PriorityBadge priority={task.priority} />
      </span>
    </>
  );
}

export const HIDDEN_BY_DEFAULT = {
  id: false,
  description: false,
  updated_at: false,
  version: false,
};

export const taskColumns = [
  column.display({
    id: "select",
    enableHiding: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Select all tasks on this page"
        className="h-4 w-4"
        checked={table.getIsAllPageRowsSelected()}
        ref={(el) => {
          if (el) el.indeterminate = table.getIsSomePageRowsSelected();
        }}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select “${row.original.title}”`}
        className="h-4 w-4"
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  }),
  column.accessor("id", { header: COLUMN_LABELS.id }),
  column.accessor("title", {
    header: COLUMN_LABELS.title,
    // The way to the task, and on a phone the line that says who has it and when it is due.
    enableHiding: false,
    cell: (info) => <TitleCell task={info.row.original} />,
  }),
  column.accessor("description", {
    header: COLUMN_LABELS.description,
    cell: (info) => <span className="line-clamp-2 max-w-xs">{info.getValue()}</span>,
  }),
  column.accessor("status", {
    header: COLUMN_LABELS.status,
    cell: (info) => <StatusBadge status={info.getValue()} />,
  }),
  column.accessor("priority", {
    header: COLUMN_LABELS.priority,
    cell: (info) => <PriorityBadge priority={info.getValue()} />,
  }),
  column.accessor((task) => task.assignee?.full_name ?? "", {
    id: "assigned_to",
    header: COLUMN_LABELS.assigned_to,
    cell: (info) => info.getValue() || <span className="text-slate-600">Unassigned</span>,
  }),
  column.accessor((task) => task.creator.full_name, {
    id: "created_by",
    header: COLUMN_LABELS.created_by,
  }),
  column.accessor("due_date", {
    header: COLUMN_LABELS.due_date,
    cell: (info) => <DueDate date={info.getValue()} overdue={info.row.original.is_overdue} />,
  }),
  column.accessor("created_at", {
    header: COLUMN_LABELS.created_at,
    cell: (info) => (
      <span className="text-xs">
        <Timestamp iso={info.getValue()} />
      </span>
    ),
  }),
  column.accessor("updated_at", {
    header: COLUMN_LABELS.updated_at,
    cell: (info) => (
      <span className="text-xs">
        <Timestamp iso={info.getValue()} />
      </span>
    ),
  }),
  column.accessor("version", { header: COLUMN_LABELS.version }),
];

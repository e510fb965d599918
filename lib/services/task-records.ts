import { eq, getTableColumns } from "drizzle-orm";
import { alias } from "drizzle-orm/mysql-core";
import type { Executor } from "@/db/client";
import { tasks, users, type TaskPriority, type TaskRow, type TaskStatus } from "@/db/schema";
import type { TaskDto } from "@/lib/validation/tasks";

/** A task row with its assignee's and creator's public fields, loaded in the same query. */
export type TaskRecord = TaskRow & {
  assigneeEmail: string | null;
  assigneeFullName: string | null;
  creatorEmail: string;
  creatorFullName: string;
};

const assignee = alias(users, "a");
const creator = alias(users, "c");

/** SELECT task + assignee + creator (two joins, no N+1); callers add where/orderBy/limit. */
export function selectTaskRecords(executor: Executor) {
  return executor
    .select({
      ...getTableColumns(tasks),
      assigneeEmail: assignee.email,
      assigneeFullName: assignee.fullName,
      creatorEmail: creator.email,
      creatorFullName: creator.fullName,
    })
    .from(tasks)
    .leftJoin(assignee, eq(assignee.id, tasks.assignedTo))
    .innerJoin(creator, eq(creator.id, tasks.createdBy));
}

export async function loadTaskRecord(executor: Executor, id: number): Promise<TaskRecord | null> {
  const [row] = await selectTaskRecords(executor).where(eq(tasks.id, id)).limit(1);
  return row ?? null;
}

function asDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(`${String(value).replace(" ", "T")}Z`);
}

/** A row of TASK_RECORD_COLUMNS read through mysql2 directly (the list query) → TaskRecord. */
export function recordFromSqlRow(row: Record<string, unknown>): TaskRecord {
  return {
    id: Number(row.id),
    title: String(row.title),
    description: String(row.description),
    status: row.status as TaskStatus,
    priority: row.priority as TaskPriority,
    dueDate: row.due_date === null ? null : String(row.due_date),
    assignedTo: row.assigned_to === null ? null : Number(row.assigned_to),
    createdBy: Number(row.created_by),
    importId: row.import_id === null ? null : Number(row.import_id),
    version: Number(row.version),
    createdAt: asDate(row.created_at),
    updatedAt: asDate(row.updated_at),
    assigneeEmail: row.assignee_email === null ? null : String(row.assignee_email),
    assigneeFullName: row.assignee_full_name === null ? null : String(row.assignee_full_name),
    creatorEmail: String(row.creator_email),
    creatorFullName: String(row.creator_full_name),
  };
}

/** Today's date in UTC, the calendar every due date is compared against. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The API's task shape (the reference's fields + priority, is_overdue, version, assignee, creator). */
export function toTaskDto(record: TaskRecord, today = todayUtc()): TaskDto {
  return {
    id: record.id,
    title: record.title,
    description: record.description,
    status: record.status,
    priority: record.priority,
    assigned_to: record.assignedTo,
    created_by: record.createdBy,
    due_date: record.dueDate,
    is_overdue: record.dueDate !== null && record.dueDate < today && record.status !== "DONE",
    version: record.version,
    created_at: record.createdAt.toISOString(),
    updated_at: record.updatedAt.toISOString(),
    assignee:
      record.assignedTo === null
        ? null
        : {
            id: record.assignedTo,
            email: record.assigneeEmail ?? "",
            full_name: record.assigneeFullName ?? "",
          },
    creator: {
      id: record.createdBy,
      email: record.creatorEmail,
      full_name: record.creatorFullName,
    },
  };
}

import { and, asc, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { taskImports, tasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { visibleTasks } from "./task-visibility";

export type ImportedTask = { id: number; title: string };

/** How many of an import's tasks its summary names. */
const IMPORT_SUMMARY_TASKS = 50;

/**
 * The first tasks that the caller's own import `importId` created and the caller may still see, in
 * file order, for the import page's summary; someone else's import names none.
 */
export async function tasksOfOwnImport(actor: Actor, importId: number): Promise<ImportedTask[]> {
  return db()
    .select({ id: tasks.id, title: tasks.title })
    .from(tasks)
    .innerJoin(taskImports, eq(taskImports.id, tasks.importId))
    .where(and(eq(taskImports.id, importId), eq(taskImports.userId, actor.id), visibleTasks(actor)))
    .orderBy(asc(tasks.id))
    .limit(IMPORT_SUMMARY_TASKS);
}

/** The caller's last import of a file with the same bytes, as a dry run reports it. */
export type SameFileImport = { import_id: number; imported_at: string; created: number };

/**
 * Whether the actor already imported these very bytes (its SHA-256): a dry run says so, since
 * importing it again would create every task a second time.
 */
export async function lastImportOfSameFile(
  actor: Actor,
  checksum: string,
): Promise<SameFileImport | null> {
  const [row] = await db()
    .select({ id: taskImports.id, createdAt: taskImports.createdAt, rows: taskImports.rowCount })
    .from(taskImports)
    .where(and(eq(taskImports.userId, actor.id), eq(taskImports.checksum, checksum)))
    .orderBy(desc(taskImports.id))
    .limit(1);
  return row
    ? { import_id: row.id, imported_at: row.createdAt.toISOString(), created: row.rows }
    : null;
}

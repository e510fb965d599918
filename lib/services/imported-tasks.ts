import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { tasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

export type ImportedTask = { id: number; title: string };

/** How many of an import's tasks its summary names. */
const IMPORT_SUMMARY_TASKS = 50;

/**
 * The first tasks that the caller's own import `importId` created, in file order, for the import
 * page's summary. An import makes its caller the creator of every row, so these are tasks the
 * caller may see; someone else's import names none.
 */
export async function tasksOfOwnImport(actor: Actor, importId: number): Promise<ImportedTask[]> {
  return db()
    .select({ id: tasks.id, title: tasks.title })
    .from(tasks)
    .where(and(eq(tasks.importId, importId), eq(tasks.createdBy, actor.id)))
    .orderBy(asc(tasks.id))
    .limit(IMPORT_SUMMARY_TASKS);
}

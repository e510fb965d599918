import type { Executor } from "@/db/client";
import { activity, type ActivityKind } from "@/db/schema";

/** One audit event; `actorId` null means the system (command line, seed). */
export type ActivityEntry = {
  kind: ActivityKind;
  actorId: number | null;
  taskId?: number | null;
  subjectUserId?: number | null;
  importId?: number | null;
  field?: string | null;
  fromValue?: string | null;
  toValue?: string | null;
};

/**
 * Writes audit rows with the executor of the caller's transaction, so an event is stored
 * exactly when its change is. Many rows go in one multi-row INSERT.
 */
export async function recordActivity(tx: Executor, entries: ActivityEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(activity).values(entries);
}

/** An audit value as text: null stays null, everything else is stringified. */
export function activityValue(value: string | number | null | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

import { LRUCache } from "lru-cache";
import type { TaskCursor } from "./task-cursor";
import type { PageStart } from "./task-list-sql";

/**
 * Deep page numbers without walking the whole offset. Each page read remembers which row sits at
 * its first position and at the next page's, per list and per tasks generation (the sum of
 * task_changes in the snapshot the page was read from). Any committed write to tasks moves the
 * generation, so a remembered position is used only while it still holds: never a stale page.
 * Per process and small; a page after a write walks its offset once and remembers again. Writes
 * that skip the triggers (TRUNCATE) go unseen: restart the app after one.
 */

/** Below this offset a walk is cheap enough that positions are not worth remembering. */
export const ANCHORED_FROM_OFFSET = 1000;
/**
 * A crawl needs one position per list (the next page's). 200 × 32 positions whose sort keys are
 * titles of up to 200 characters hold about 6 MB per process at worst.
 */
const POSITIONS_PER_LIST = 32;
const LISTS = 200;

/** The row at `offset` of a list, by its sort key. */
export type Anchor = { offset: number; row: TaskCursor };

type ListPositions = { generation: string; rows: Map<number, TaskCursor> };

const lists = new LRUCache<string, ListPositions>({ max: LISTS });

/** Whether any position of this list is remembered, in whatever generation. */
export function remembersList(list: string): boolean {
  return lists.has(list);
}

/** A remembered start for a page, and the generation in which its row was at that position. */
export type AnchoredStart = { start: PageStart; generation: string };

/**
 * Where to start reading the page at `offset`: the nearest remembered row at or before it, in the
 * latest generation seen for the list. It holds only if the page's own snapshot has that generation.
 */
export function anchoredStart(list: string, offset: number): AnchoredStart | null {
  const known = lists.get(list);
  if (!known) return null;
  let nearest: number | null = null;
  for (const at of known.rows.keys()) {
    if (at <= offset && (nearest === null || at > nearest)) nearest = at;
  }
  if (nearest === null) return null;
  const row = known.rows.get(nearest)!;
  // "This row and what follows" is "strictly after the id next to it", in the list's direction.
  const neighbour = row.ordering.startsWith("-") ? row.id + 1 : row.id - 1;
  return {
    start: { after: { ...row, id: neighbour }, skip: offset - nearest },
    generation: known.generation,
  };
}

/** Remembers rows at known positions of a list, as read in the snapshot of `generation`. */
export function rememberPositions(list: string, generation: string, anchors: Anchor[]): void {
  const deep = anchors.filter((a) => a.offset >= ANCHORED_FROM_OFFSET);
  if (deep.length === 0) return;
  let known = lists.get(list);
  if (!known || known.generation !== generation) {
    known = { generation, rows: new Map() };
    lists.set(list, known);
  }
  for (const { offset, row } of deep) {
    known.rows.delete(offset);
    known.rows.set(offset, row);
    if (known.rows.size > POSITIONS_PER_LIST) {
      known.rows.delete(known.rows.keys().next().value!);
    }
  }
}

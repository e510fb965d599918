/**
 * A task list's parameters that pick a page of it rather than which tasks are in it (no zod here:
 * the table's client code reads this too).
 */
export const PAGING_PARAMS: readonly string[] = ["page", "page_size", "ordering", "cursor"];

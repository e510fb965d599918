/**
 * "1 task", "3 tasks": a count with its noun (whose plural adds an s), digits unformatted as the
 * API's messages have always written them ("2500 tasks created successfully").
 */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

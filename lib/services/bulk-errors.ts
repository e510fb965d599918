/** At most this many errors are listed in a response; `total_errors` gives the full count. */
export const MAX_REPORTED_ERRORS = 1000;

/** Longest cell value echoed back in an error (descriptions may be 10,000 characters). */
const MAX_ECHOED_VALUE = 200;

export function echoValue(value: string | null): string | null {
  if (value === null || value.length <= MAX_ECHOED_VALUE) return value;
  return `${value.slice(0, MAX_ECHOED_VALUE)}…`;
}

/** Keeps the first MAX_REPORTED_ERRORS errors (in arrival order) and counts all of them. */
export class ErrorLog<E> {
  readonly items: E[] = [];
  total = 0;

  add(error: E): void {
    this.total += 1;
    if (this.items.length < MAX_REPORTED_ERRORS) this.items.push(error);
  }
}

/**
 * Calendar days and clock times in the company's time zone (TIME_ZONE). Pure functions, safe in
 * the browser: the zone is passed in, never read from the environment here.
 */

/** True for an IANA zone name ("Europe/Paris") or "UTC" that this runtime's Intl knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar day (YYYY-MM-DD) that `instant` falls on in `timeZone`. */
export function dayIn(timeZone: string, instant: Date): string {
  const parts = Object.fromEntries(
    dayFormat(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year!.padStart(4, "0")}-${parts.month}-${parts.day}`;
}

const HOUR_MS = 3_600_000;

/**
 * The instant `day` (YYYY-MM-DD) begins in `timeZone`: its first moment, where a clock change
 * skips midnight too. Found by bisection on `dayIn`, which reads only the zone's rules, so the
 * answer does not depend on the server process's own time zone. Every zone's offset since 1900
 * lies within −12 h and +14 h, so the day begins within that span around its UTC midnight. A
 * day that a zone skips entirely (Pacific/Apia, 2011-12-30) begins where the next one does.
 */
export function startOfDay(day: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  let before = utcMidnight - 14 * HOUR_MS - 1;
  let onOrAfter = utcMidnight + 12 * HOUR_MS;
  while (onOrAfter - before > 1) {
    const middle = Math.floor((before + onOrAfter) / 2);
    if (dayIn(timeZone, new Date(middle)) >= day) onOrAfter = middle;
    else before = middle;
  }
  return new Date(onOrAfter);
}

/** `day` (YYYY-MM-DD) moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  const moved = new Date(`${day}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** The Monday of the week holding `day` (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

import { config } from "@/lib/config";
import { dayIn } from "@/lib/dates/time-zone";

/** The company's time zone (TIME_ZONE, UTC unless set). */
export function companyTimeZone(): string {
  return config().TIME_ZONE;
}

/** Today in the company's time zone: a task due before this day, and not done, is overdue. */
export function companyToday(now = new Date()): string {
  return dayIn(companyTimeZone(), now);
}

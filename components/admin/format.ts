const DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** A calendar day (YYYY-MM-DD), e.g. "23 Nov 2026": a day, not an instant, so no zone moves it. */
export function formatDay(day: string): string {
  return DAY.format(new Date(`${day}T00:00:00Z`));
}

export const ROLE_LABELS = { ADMIN: "Admin", MANAGER: "Manager", EMPLOYEE: "Employee" } as const;

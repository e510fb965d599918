export const ROLE_LABELS = { ADMIN: "Admin", MANAGER: "Manager", EMPLOYEE: "Employee" } as const;

/** A person as admin pages name them: names repeat in a large company, e-mail addresses do not. */
export function nameWithEmail(person: { full_name: string; email: string }): string {
  return `${person.full_name} (${person.email})`;
}

export const ROLE_LABELS = { ADMIN: "Admin", MANAGER: "Manager", EMPLOYEE: "Employee" } as const;

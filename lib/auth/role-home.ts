import type { Role } from "@/db/schema";

const HOMES: Record<Role, string> = { EMPLOYEE: "/my-tasks", MANAGER: "/board", ADMIN: "/admin" };

/** Where each role lands after signing in, and where "/" sends them. */
export function roleHome(role: Role): string {
  return HOMES[role];
}

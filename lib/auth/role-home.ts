import type { Role } from "@/lib/domain/enums";
import { roleMayEnter } from "./path-rules";
import { SAME_ORIGIN } from "./safe-redirect";

const HOMES: Record<Role, string> = { EMPLOYEE: "/my-tasks", MANAGER: "/board", ADMIN: "/admin" };

/** Where each role lands after signing in, and where "/" sends them. */
export function roleHome(role: Role): string {
  return HOMES[role];
}

/**
 * Where a sign-in lands: the page it was asked for (an already safe same-origin path), when the
 * role may open it; the role's home otherwise, rather than a 403.
 */
export function landingPath(role: Role, callback: string | null): string {
  if (!callback) return roleHome(role);
  const { pathname } = new URL(callback, SAME_ORIGIN);
  return roleMayEnter(role, pathname) ? callback : roleHome(role);
}

import type { Role } from "@/db/schema";

export type NavItem = { href: string; label: string };

const TASK_WORK: NavItem[] = [
  { href: "/board", label: "Board" },
  { href: "/tasks", label: "Table" },
  { href: "/tasks/new", label: "New task" },
  { href: "/tasks/import", label: "Import" },
  { href: "/my-tasks", label: "My tasks" },
];

const ADMIN_ONLY: NavItem[] = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/activity", label: "Activity" },
];

/** The links each role sees; the pages themselves still check the role. */
export function navItemsFor(role: Role): NavItem[] {
  if (role === "ADMIN") return [...ADMIN_ONLY, ...TASK_WORK];
  if (role === "MANAGER") return TASK_WORK;
  return [{ href: "/my-tasks", label: "My tasks" }];
}

import type { Role } from "@/lib/domain/enums";
import { ASSIGNABLE_ROLES, GLOBAL_POLICY, type GlobalAction } from "@/lib/auth/policy";

export type NavItem = { href: string; label: string };

/**
 * Every link, in order, with the permission its page needs (none: anyone signed in); `assignee`:
 * only for roles that can be given tasks (an admin's "My tasks" would always be empty).
 */
const NAV: readonly (NavItem & { may?: GlobalAction; assignee?: true })[] = [
  { href: "/admin", label: "Overview", may: "overview.read" },
  { href: "/admin/users", label: "Users", may: "user.manage" },
  { href: "/admin/activity", label: "Activity", may: "activity.readAll" },
  { href: "/board", label: "Board", may: "task.manage" },
  { href: "/tasks", label: "Table", may: "task.manage" },
  { href: "/tasks/new", label: "New task", may: "task.create" },
  { href: "/tasks/import", label: "Import", may: "task.import" },
  { href: "/my-tasks", label: "My tasks", assignee: true },
];

/** The links a role's permissions open; the pages themselves still check. */
export function navItemsFor(role: Role): NavItem[] {
  return NAV.filter(
    ({ may, assignee }) =>
      (!may || GLOBAL_POLICY[role][may]) && (!assignee || ASSIGNABLE_ROLES.includes(role)),
  ).map(({ href, label }) => ({
    href,
    label,
  }));
}

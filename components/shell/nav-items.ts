import type { Role } from "@/db/schema";
import { GLOBAL_POLICY, type GlobalAction } from "@/lib/auth/policy";

export type NavItem = { href: string; label: string };

/** Every link, in order, with the permission its page needs (none: anyone signed in). */
const NAV: readonly (NavItem & { may?: GlobalAction })[] = [
  { href: "/admin", label: "Overview", may: "overview.read" },
  { href: "/admin/users", label: "Users", may: "user.manage" },
  { href: "/admin/activity", label: "Activity", may: "activity.readAll" },
  { href: "/board", label: "Board", may: "task.manage" },
  { href: "/tasks", label: "Table", may: "task.manage" },
  { href: "/tasks/new", label: "New task", may: "task.create" },
  { href: "/tasks/import", label: "Import", may: "task.import" },
  { href: "/my-tasks", label: "My tasks" },
];

/** The links a role's permissions open; the pages themselves still check. */
export function navItemsFor(role: Role): NavItem[] {
  return NAV.filter(({ may }) => !may || GLOBAL_POLICY[role][may]).map(({ href, label }) => ({
    href,
    label,
  }));
}

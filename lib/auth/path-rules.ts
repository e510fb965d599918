import type { Role } from "@/lib/domain/enums";
import { GLOBAL_POLICY, type GlobalAction } from "./policy";

/** Edge-safe path rules for middleware.ts: which paths are open, and which roles may never enter. */

/** Pages anyone may open (the sign-in page and the API's Swagger UI); the rest needs a session. */
const OPEN_PAGES = new Set(["/login", "/api/docs"]);

/**
 * The permission each restricted page needs, first match wins (finer checks live in the pages and
 * services); any other page needs only a session.
 */
const PAGE_PERMISSIONS: readonly { path: RegExp; may: GlobalAction }[] = [
  { path: /^\/admin\/users(\/|$)/, may: "user.manage" },
  { path: /^\/admin\/activity(\/|$)/, may: "activity.readAll" },
  { path: /^\/admin(\/|$)/, may: "overview.read" },
  { path: /^\/(board|tasks)\/?$/, may: "task.manage" },
  { path: /^\/tasks\/new\/?$/, may: "task.create" },
  { path: /^\/tasks\/import\/?$/, may: "task.import" },
];

/** The query parameter naming the page a refused role asked for (middleware.ts, app/not-allowed). */
export const NOT_ALLOWED_FROM = "from";

/** Sign-in page and public files (anything with an extension, e.g. /robots.txt). */
export function isOpenPage(pathname: string): boolean {
  return OPEN_PAGES.has(pathname.replace(/\/$/, "")) || /\/[^/]+\.[a-z0-9]+$/i.test(pathname);
}

export function roleMayEnter(role: Role, pathname: string): boolean {
  const rule = PAGE_PERMISSIONS.find(({ path }) => path.test(pathname));
  return !rule || GLOBAL_POLICY[role][rule.may];
}

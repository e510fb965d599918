import type { Role } from "@/db/schema";

/** Edge-safe path rules for middleware.ts: which paths are open, and which roles may never enter. */

/** Pages anyone may open (the sign-in page and the API's Swagger UI); the rest needs a session. */
const OPEN_PAGES = new Set(["/login", "/api/docs"]);

/** Paths a role may never open, whatever the task or record (finer checks live in the services). */
const FORBIDDEN_PAGES: Record<Role, readonly RegExp[]> = {
  ADMIN: [],
  MANAGER: [/^\/admin(\/|$)/],
  EMPLOYEE: [/^\/admin(\/|$)/, /^\/board\/?$/, /^\/tasks\/?$/, /^\/tasks\/(new|import)\/?$/],
};

/** Sign-in page and public files (anything with an extension, e.g. /robots.txt). */
export function isOpenPage(pathname: string): boolean {
  return OPEN_PAGES.has(pathname.replace(/\/$/, "")) || /\/[^/]+\.[a-z0-9]+$/i.test(pathname);
}

export function roleMayEnter(role: Role, pathname: string): boolean {
  return !FORBIDDEN_PAGES[role].some((rule) => rule.test(pathname));
}

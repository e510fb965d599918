import type { Role } from "@/db/schema";

/** Edge-safe path rules for middleware.ts: which paths are open, and which roles may never enter. */

/** /api paths open without credentials: our token endpoints, next-auth's own, health, schema, docs. */
const OPEN_API = /^\/api\/(auth|health|schema|docs)(\/|$)/;

/** Pages anyone may open; everything else in the dashboard needs a session. */
const OPEN_PAGES = new Set(["/login"]);

/** Paths a role may never open, whatever the task or record (finer checks live in the services). */
const FORBIDDEN_PAGES: Record<Role, readonly RegExp[]> = {
  ADMIN: [],
  MANAGER: [/^\/admin(\/|$)/],
  EMPLOYEE: [/^\/admin(\/|$)/, /^\/board\/?$/, /^\/tasks\/?$/, /^\/tasks\/(new|import)\/?$/],
};

export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

export function isOpenApiPath(pathname: string): boolean {
  return OPEN_API.test(pathname);
}

/** Sign-in page and public files (anything with an extension, e.g. /robots.txt). */
export function isOpenPage(pathname: string): boolean {
  return OPEN_PAGES.has(pathname.replace(/\/$/, "")) || /\/[^/]+\.[a-z0-9]+$/i.test(pathname);
}

export function roleMayEnter(role: Role, pathname: string): boolean {
  return !FORBIDDEN_PAGES[role].some((rule) => rule.test(pathname));
}

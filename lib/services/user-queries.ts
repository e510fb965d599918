// Reads of users, by role: the admin's list and views, a manager's assignable people, one's own
// account. The writes are in users.ts.
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  inArray,
  isNull,
  like,
  lte,
  or,
  type SQL,
} from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import { ASSIGNABLE_ROLES, can } from "@/lib/auth/policy";
import { badRequest, forbidden, notFound } from "@/lib/http/errors";
import {
  PUBLIC_USER_ORDERINGS,
  USER_ORDERINGS,
  userOrderingMessage,
  type ListUsersQuery,
  type PublicUserDto,
  type UserDto,
  type UserOrderField,
} from "@/lib/validation/users";
import { searchPatterns } from "./search-patterns";
import { toPublicUser, toUserDto, userColumns } from "./user-dto";

/** A page of a list, before the entry point turns it into links. */
export type UserPage<T> = { count: number; page: number; page_size: number; results: T[] };

function searchCondition(search: string | undefined): SQL | undefined {
  const words = searchPatterns(search?.toLowerCase()).map((pattern) =>
    or(like(users.email, pattern), like(users.fullName, pattern)),
  );
  return words.length > 0 ? and(...words) : undefined;
}

const ORDER_COLUMNS = {
  email: users.email,
  full_name: users.fullName,
  role: users.role,
  id: users.id,
  created_at: users.createdAt,
  last_login_at: users.lastLoginAt,
} satisfies Record<UserOrderField, unknown>;

function orderField(ordering: string): UserOrderField {
  return ordering.replace(/^-/, "") as UserOrderField;
}

function orderBy(ordering: string): SQL[] {
  const direction = ordering.startsWith("-") ? desc : asc;
  const field = orderField(ordering);
  return field === "id"
    ? [direction(users.id)]
    : [direction(ORDER_COLUMNS[field]), direction(users.id)];
}

/** Ordering by a field the caller cannot see would reveal it (who signed in last): 400 as invalid. */
function assertMayOrderBy(full: boolean, ordering: string): void {
  const allowed: readonly UserOrderField[] = full ? USER_ORDERINGS : PUBLIC_USER_ORDERINGS;
  if (allowed.includes(orderField(ordering))) return;
  throw badRequest("Invalid query parameters.", {
    errors: [{ field: "ordering", message: userOrderingMessage(allowed) }],
  });
}

/** Whether a user's sign-in is locked out now: whom an admin's `locked` filter finds. */
function lockedCondition(locked: boolean | undefined): SQL | undefined {
  if (locked === undefined) return undefined;
  const now = new Date();
  return locked
    ? gt(users.lockedUntil, now)
    : or(isNull(users.lockedUntil), lte(users.lockedUntil, now));
}

/** How many people a picker gets at first; typing searches the rest (findAssigneesAction). */
export const ASSIGNEE_LIST_LIMIT = 500;

/**
 * Active managers and employees, to pick an assignee from (managers and admins): those whose
 * name or e-mail matches `search`, by name, at most `limit`.
 */
export async function listAssignableUsers(
  actor: Actor,
  { search, limit = ASSIGNEE_LIST_LIMIT }: { search?: string; limit?: number } = {},
): Promise<PublicUserDto[]> {
  if (!can(actor, "user.listAssignable")) throw forbidden();
  const rows = await db()
    .select({ id: users.id, email: users.email, fullName: users.fullName, role: users.role })
    .from(users)
    .where(
      and(
        eq(users.isActive, true),
        inArray(users.role, [...ASSIGNABLE_ROLES]),
        searchCondition(search?.trim()),
      ),
    )
    .orderBy(asc(users.fullName), asc(users.id))
    .limit(limit);
  return rows.map(toPublicUser);
}

export type AssigneeChoice = { id: number; email: string; full_name: string; is_active: boolean };

/**
 * The people the task filters offer: whoever may be assigned (`assignable`, when already read),
 * and for those who may read every user (admins) the deactivated employees and managers too,
 * whose tasks still need finding. `complete` is false when the list stops at its limit: the
 * filter then searches the rest as a name or e-mail is typed. The person the filter already
 * names (`selected`) is among them even beyond the limit, as far as the actor may see them.
 */
export async function listAssigneeChoices(
  actor: Actor,
  { assignable, selected }: { assignable?: PublicUserDto[]; selected?: number | null } = {},
): Promise<{ people: AssigneeChoice[]; complete: boolean }> {
  const mayListAll = can(actor, "user.listAll");
  const people = mayListAll
    ? await readAssigneeChoices()
    : (assignable ?? (await listAssignableUsers(actor))).map((user) => ({
        id: user.id,
        email: user.email,
        full_name: user.full_name,
        is_active: true,
      }));
  const complete = people.length < ASSIGNEE_LIST_LIMIT;
  if (selected && !people.some((person) => person.id === selected)) {
    const [found] = await readAssigneeChoices(
      and(eq(users.id, selected), mayListAll ? undefined : eq(users.isActive, true)),
    );
    if (found) people.push(found);
  }
  return { people, complete };
}

/** Employees and managers, active first, then by name. */
async function readAssigneeChoices(where?: SQL): Promise<AssigneeChoice[]> {
  const rows = await db()
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      isActive: users.isActive,
    })
    .from(users)
    .where(and(inArray(users.role, [...ASSIGNABLE_ROLES]), where))
    .orderBy(desc(users.isActive), asc(users.fullName), asc(users.id))
    .limit(ASSIGNEE_LIST_LIMIT);
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    full_name: row.fullName,
    is_active: row.isActive,
  }));
}

/** Every manager, active or not, so an admin can filter tasks by who created them. */
export async function listManagers(actor: Actor): Promise<UserDto[]> {
  if (!can(actor, "user.listAll")) throw forbidden();
  const rows = await db()
    .select(userColumns)
    .from(users)
    .where(eq(users.role, "MANAGER"))
    .orderBy(asc(users.fullName), asc(users.id))
    .limit(500);
  return rows.map(toUserDto);
}

/**
 * GET /api/users/ and /admin/users. Admins: every user, every field, with filters.
 * Managers: active managers and employees, public fields only. Employees: 403.
 */
export async function listUsers(
  actor: Actor,
  query: ListUsersQuery,
): Promise<UserPage<UserDto> | UserPage<PublicUserDto>> {
  const full = can(actor, "user.listAll");
  if (!full && !can(actor, "user.listAssignable")) throw forbidden();
  assertMayOrderBy(full, query.ordering);
  // A lockout is not a public field: a manager may not find who has one either.
  if (!full && query.locked !== undefined) {
    throw badRequest("Invalid query parameters.", {
      errors: [{ field: "locked", message: "Only admins may filter by sign-in lockout." }],
    });
  }
  const roles: readonly Role[] = full ? [] : ASSIGNABLE_ROLES;
  const where = and(
    searchCondition(query.search),
    query.role ? eq(users.role, query.role) : undefined,
    roles.length > 0 ? inArray(users.role, [...roles]) : undefined,
    query.is_active === undefined ? undefined : eq(users.isActive, query.is_active),
    lockedCondition(query.locked),
    // Managers see active users only: asking for deactivated ones finds none.
    full ? undefined : eq(users.isActive, true),
  );
  const offset = (query.page - 1) * query.page_size;
  const [rows, [total]] = await Promise.all([
    db()
      .select(userColumns)
      .from(users)
      .where(where)
      .orderBy(...orderBy(query.ordering))
      .limit(query.page_size)
      .offset(offset),
    db().select({ value: count() }).from(users).where(where),
  ]);
  const page = { count: total?.value ?? 0, page: query.page, page_size: query.page_size };
  return full
    ? { ...page, results: rows.map(toUserDto) }
    : { ...page, results: rows.map(toPublicUser) };
}

/** One user: admins see everything; managers an active assignable colleague; anyone themself. */
export async function getUser(actor: Actor, id: number): Promise<UserDto | PublicUserDto> {
  const full = can(actor, "user.listAll");
  if (!full && id !== actor.id && !can(actor, "user.listAssignable")) throw forbidden();
  const [row] = await db().select(userColumns).from(users).where(eq(users.id, id)).limit(1);
  if (!row) throw notFound();
  if (full || id === actor.id) return toUserDto(row);
  if (!row.isActive || !ASSIGNABLE_ROLES.includes(row.role)) throw notFound();
  return toPublicUser(row);
}

/** GET /api/users/me/: the caller's own profile. */
export async function getMe(actor: Actor): Promise<UserDto> {
  const [row] = await db().select(userColumns).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!row) throw notFound();
  return toUserDto(row);
}

import { inArray, or, sql } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { AssigneeRef } from "@/lib/validation/bulk-csv";
import type { UserRef } from "@/lib/validation/tasks";
import { assigneeProblem } from "./assignees";
import { SHARE_LOCK, standingOf, type UserStanding, type UserStandingRow } from "./user-standing";

type AssigneeUser = UserStanding & { id: number; email: string; fullName: string };
type AssigneeRow = UserStandingRow & { id: number; email: string; full_name: string };

/**
 * Resolves the assignees of many rows with one query per call, remembering what it has seen,
 * and applies the rule of assertAssignable, with its messages for `actor`.
 */
export class AssigneeDirectory {
  private readonly byId = new Map<number, AssigneeUser | null>();
  private readonly byEmail = new Map<string, AssigneeUser | null>();

  constructor(private readonly actor: Pick<Actor, "role">) {}

  /**
   * Loads every not-yet-seen id and email among `refs` in one query, through `executor`: a caller
   * that holds a transaction passes it, since waiting for a second pooled connection while holding
   * one deadlocks the pool once every connection is held by such a caller. A caller about to write
   * asks for `lock`, which holds the users found, and only those, until it commits (SHARE_LOCK).
   */
  async load(
    refs: Iterable<AssigneeRef>,
    executor: Executor,
    { lock }: { lock: boolean },
  ): Promise<void> {
    const ids = new Set<number>();
    const emails = new Set<string>();
    for (const ref of refs) {
      if (ref === null) continue;
      if ("id" in ref && !this.byId.has(ref.id)) ids.add(ref.id);
      if ("email" in ref && !this.byEmail.has(ref.email)) emails.add(ref.email);
    }
    if (ids.size === 0 && emails.size === 0) return;
    const conditions = [];
    if (ids.size) conditions.push(inArray(users.id, [...ids]));
    if (emails.size) conditions.push(inArray(users.email, [...emails]));
    let found = await selectRows<AssigneeRow>(
      executor,
      sql`SELECT id, email, full_name, role, is_active FROM ${users} WHERE ${or(...conditions)}`,
    );
    if (lock && found.length > 0) {
      // Locked by primary key only: when the lists cover a good share of the team, MariaDB reads
      // them with a table scan, and a locking scan holds every user (and the gaps between) until
      // the import commits, which stalls every sign-in meanwhile. Read again, now current.
      found = await selectRows<AssigneeRow>(
        executor,
        sql`SELECT id, email, full_name, role, is_active FROM ${users} FORCE INDEX (PRIMARY)
          WHERE ${inArray(
            users.id,
            found.map((row) => row.id),
          )} ORDER BY id ${SHARE_LOCK}`,
      );
    }
    for (const id of ids) this.byId.set(id, null);
    for (const email of emails) this.byEmail.set(email, null);
    for (const row of found) {
      const user = { id: row.id, email: row.email, fullName: row.full_name, ...standingOf(row) };
      this.byId.set(user.id, user);
      this.byEmail.set(user.email, user);
    }
  }

  /** A user load() found, by id (whether or not they may be assigned). */
  person(id: number): UserRef | undefined {
    const user = this.byId.get(id);
    return user ? { id: user.id, email: user.email, full_name: user.fullName } : undefined;
  }

  /** The assignee's id, or why the row may not be assigned to them. Call after load(). */
  resolve(ref: AssigneeRef): { id: number | null } | { problem: string } {
    if (ref === null) return { id: null };
    const label = "id" in ref ? `User ${ref.id}` : `User ${ref.email}`;
    const user = "id" in ref ? this.byId.get(ref.id) : this.byEmail.get(ref.email);
    const problem = assigneeProblem(this.actor, label, user);
    // assigneeProblem is null only for a user who exists and may be assigned.
    return problem === null ? { id: user!.id } : { problem };
  }
}

import { and, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activity, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { unlockUser } from "@/lib/services/account-unlock";
import { signOutUser } from "@/lib/services/user-sign-out";
import { createUser, deactivateUser, resetPassword, updateUser } from "@/lib/services/users";
import { api } from "../helpers/api";
import { actorOf, makeUser, type TestUser } from "../helpers/factories";

type ErrorBody = { detail: string };

async function activeAdminIds(): Promise<number[]> {
  const rows = await db()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "ADMIN"), eq(users.isActive, true)));
  return rows.map((r) => r.id);
}

describe("the last active admin", () => {
  it("survives two admins removing each other at the same time: exactly one change wins", async () => {
    const first = await makeUser("ADMIN");
    const second = await makeUser("ADMIN");
    // Arrange: these two are the only active admins.
    await db()
      .update(users)
      .set({ isActive: false })
      .where(and(eq(users.role, "ADMIN"), ne(users.id, first.id), ne(users.id, second.id)));

    const [a, b] = await Promise.all([
      api<ErrorBody>("DELETE", `/api/users/${second.id}/`, { token: first.token }),
      api<ErrorBody>("PATCH", `/api/users/${first.id}/`, {
        token: second.token,
        body: { role: "EMPLOYEE" },
      }),
    ]);
    const winners = [a, b].filter((r) => r.status < 300);
    expect(winners).toHaveLength(1);
    // The loser was removed by the winner before its change ran (or, later still, before its
    // token was checked, which the removal ended).
    const loser = [a, b].find((r) => r.status >= 300)!;
    if (loser.status === 403)
      expect(loser.body.detail).toBe("Your account is no longer an active admin.");
    else expect(loser.status).toBe(401);
    expect(await activeAdminIds()).toHaveLength(1);
  });

  it("holds under many parallel attempts: at least one active admin always remains", async () => {
    const admins = await Promise.all(Array.from({ length: 4 }, () => makeUser("ADMIN")));
    await db()
      .update(users)
      .set({ isActive: false })
      .where(and(eq(users.role, "ADMIN"), ne(users.id, admins[0]!.id)));
    await db().update(users).set({ isActive: true }).where(eq(users.id, admins[1]!.id));
    await db().update(users).set({ isActive: true }).where(eq(users.id, admins[2]!.id));
    // Three active admins; each tries to deactivate the next one round the ring.
    const ring = admins.slice(0, 3);
    const results = await Promise.all(
      ring.map((actor, i) =>
        api("DELETE", `/api/users/${ring[(i + 1) % ring.length]!.id}/`, { token: actor.token }),
      ),
    );
    const remaining = await activeAdminIds();
    expect(remaining.length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => [204, 401, 403].includes(r.status))).toBe(true);
    const deactivations = await db()
      .select()
      .from(activity)
      .where(eq(activity.kind, "USER_DEACTIVATED"));
    const recorded = deactivations.filter((d) => ring.some((u) => u.id === d.subjectUserId));
    expect(recorded).toHaveLength(results.filter((r) => r.status === 204).length);
    expect(remaining.length).toBe(3 - recorded.length);
  });
});

describe("an admin demoted or deactivated after their request was authenticated", () => {
  // The actor is the caller as the request saw them; the change commits before the write runs.
  const losses: [string, Partial<typeof users.$inferInsert>][] = [
    ["demoted", { role: "EMPLOYEE" }],
    ["deactivated", { isActive: false }],
  ];
  const writes: [string, (actor: Actor, target: TestUser) => Promise<unknown>][] = [
    [
      "creates no user",
      (actor, target) =>
        createUser(actor, {
          email: `late-${target.email}`,
          full_name: "Too Late",
          role: "EMPLOYEE",
        }),
    ],
    [
      "renames no one",
      (actor, target) => updateUser(actor, target.id, { full_name: "Renamed Late" }),
    ],
    ["resets no password", (actor, target) => resetPassword(actor, target.id)],
    ["unlocks no one", (actor, target) => unlockUser(actor, target.id)],
    ["signs no one out", (actor, target) => signOutUser(actor, target.id)],
    ["deactivates no one", (actor, target) => deactivateUser(actor, target.id)],
    ["changes no one's role", (actor, target) => updateUser(actor, target.id, { role: "MANAGER" })],
  ];
  const cases = losses.flatMap(([loss, change]) =>
    writes.map(([does, write]) => [loss, does, change, write] as const),
  );

  it.each(cases)("once %s, %s, and leaves no trail", async (_, __, change, write) => {
    const admin = await makeUser("ADMIN");
    const target = await makeUser("EMPLOYEE");
    const authenticated = actorOf(admin);
    await db().update(users).set(change).where(eq(users.id, admin.id));
    const before = await db().select().from(users).where(eq(users.id, target.id));

    await expect(write(authenticated, target)).rejects.toMatchObject({
      status: 403,
      detail: "Your account is no longer an active admin.",
    });
    expect(await db().select().from(users).where(eq(users.id, target.id))).toEqual(before);
    expect(await db().select().from(activity).where(eq(activity.actorId, admin.id))).toEqual([]);
    expect(
      await db()
        .select()
        .from(users)
        .where(eq(users.email, `late-${target.email}`)),
    ).toEqual([]);
  });
});

import { and, count, eq, inArray, notInArray } from "drizzle-orm";
import type { Database } from "./client";
import { DEMO_USERS, demoTasks } from "./demo-data";
import { tasks, users } from "./schema";
import { hashPassword } from "@/lib/auth/passwords";
import { addDays } from "@/lib/dates/time-zone";
import { companyToday } from "@/lib/services/company-time";

export const NOT_A_DEMO_DATABASE =
  "This database has accounts besides the demo ones. The demo accounts' passwords are published, so they are only seeded into a demo database: create real accounts with npm run user:create, or give the demo a database of its own, e.g. DATABASE_URL=mysql://root@127.0.0.1:3306/etums_demo npm run demo.";

/**
 * Inserts the demo users and tasks that are missing; running it again changes nothing. Refuses to
 * add a demo account to a database with any other account: an admin with a published password
 * must never appear in (or come back to) a real deployment's database. One that holds every demo
 * account already is the demo's, and accounts made while trying it do not stop it starting again.
 */
export async function seedDemoData(
  database: Database,
): Promise<{ usersCreated: number; tasksCreated: number }> {
  const emails = DEMO_USERS.map((u) => u.email);
  const [others] = await database
    .select({ n: count() })
    .from(users)
    .where(notInArray(users.email, emails));
  const existing = await database
    .select({ email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const known = new Set(existing.map((u) => u.email));
  const missing = DEMO_USERS.filter((u) => !known.has(u.email));
  if (missing.length > 0) {
    if (others!.n > 0) throw new Error(NOT_A_DEMO_DATABASE);
    const rows = await Promise.all(
      missing.map(async (u) => ({
        email: u.email,
        fullName: u.fullName,
        role: u.role,
        passwordHash: await hashPassword(u.password),
      })),
    );
    await database.insert(users).values(rows);
  }

  const ids = new Map(
    (
      await database
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.email, emails))
    ).map((u) => [u.email, u.id]),
  );
  let tasksCreated = 0;
  await database.transaction(async (tx) => {
    for (const task of demoTasks()) {
      const createdBy = ids.get(task.creatorEmail)!;
      const [present] = await tx
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(eq(tasks.title, task.title), eq(tasks.createdBy, createdBy)))
        .limit(1);
      if (present) continue;
      await tx.insert(tasks).values({
        title: task.title,
        description: task.description,
        status: task.status,
        priority: task.priority,
        dueDate: task.dueInDays === null ? null : addDays(companyToday(), task.dueInDays),
        createdBy,
        assignedTo: ids.get(task.assigneeEmail)!,
      });
      tasksCreated += 1;
    }
  });
  return { usersCreated: missing.length, tasksCreated };
}

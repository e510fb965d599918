import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "./client";
import { DEMO_USERS, demoTasks } from "./demo-data";
import { tasks, users } from "./schema";
import { hashPassword } from "@/lib/auth/passwords";

function isoDateFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Inserts the demo users and tasks that are missing; running it again changes nothing. */
export async function seedDemoData(
  database: Database,
): Promise<{ usersCreated: number; tasksCreated: number }> {
  const emails = DEMO_USERS.map((u) => u.email);
  const existing = await database
    .select({ email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const known = new Set(existing.map((u) => u.email));
  const missing = DEMO_USERS.filter((u) => !known.has(u.email));
  if (missing.length > 0) {
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
        dueDate: task.dueInDays === null ? null : isoDateFromToday(task.dueInDays),
        createdBy,
        assignedTo: ids.get(task.assigneeEmail)!,
      });
      tasksCreated += 1;
    }
  });
  return { usersCreated: missing.length, tasksCreated };
}

import { db } from "@/db/client";
import { tasks, users } from "@/db/schema";
import type { Role, TaskPriority, TaskStatus } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { issueTokenPair } from "@/lib/services/refresh-tokens";

export const TEST_PASSWORD = "Correct-Horse-Battery-9";

let sharedHash: Promise<string> | undefined;
let sequence = 0;

export type TestUser = {
  id: number;
  email: string;
  fullName: string;
  role: Role;
  password: string;
  token: string;
};

/** A test user as the services see the signed-in caller, for calling a service directly. */
export function actorOf(user: TestUser): Actor {
  return { id: user.id, email: user.email, fullName: user.fullName, role: user.role };
}

/** A user with a unique email and a known password, plus an access token for them. */
export async function makeUser(
  role: Role,
  overrides: { email?: string; fullName?: string; isActive?: boolean } = {},
): Promise<TestUser> {
  sharedHash ??= hashPassword(TEST_PASSWORD);
  sequence += 1;
  const unique = `${Date.now().toString(36)}${sequence}${Math.random().toString(36).slice(2, 6)}`;
  const email = overrides.email ?? `${role.toLowerCase()}-${unique}@test.example`;
  const fullName = overrides.fullName ?? `${role[0]}${role.slice(1).toLowerCase()} ${unique}`;
  const [row] = await db()
    .insert(users)
    .values({
      email,
      fullName,
      role,
      passwordHash: await sharedHash,
      isActive: overrides.isActive ?? true,
    })
    .$returningId();
  const id = row!.id;
  // A real sign-in (a refresh-token family), which the API checks on every request.
  const { access: token } = await issueTokenPair({ id, role, sessionVersion: 1 });
  return { id, email, fullName, role, password: TEST_PASSWORD, token };
}

export type TaskSeed = {
  title?: string;
  description?: string;
  status?: TaskStatus;
  priority?: TaskPriority;
  dueDate?: string | null;
  assignedTo?: number | null;
  createdBy: number;
};

/** Inserts a task directly (no activity row): for arranging a test, not for testing writes. */
export async function makeTask(seed: TaskSeed): Promise<number> {
  sequence += 1;
  const [row] = await db()
    .insert(tasks)
    .values({
      title: seed.title ?? `Task ${sequence}`,
      description: seed.description ?? "",
      status: seed.status ?? "TODO",
      priority: seed.priority ?? "MEDIUM",
      dueDate: seed.dueDate ?? null,
      assignedTo: seed.assignedTo ?? null,
      createdBy: seed.createdBy,
    })
    .$returningId();
  return row!.id;
}

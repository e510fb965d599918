import type { z } from "zod";
import type { loginResponseSchema, tokenPairSchema } from "@/lib/validation/auth-responses";
import type { taskPageSchema, userPageSchema } from "@/lib/validation/pagination";
import type { taskActivityEntrySchema } from "@/lib/validation/task-activity";
import type { TaskDto } from "@/lib/validation/tasks";
import type { createdUserSchema, passwordResetResultSchema } from "@/lib/validation/user-responses";
import type { UserDto } from "@/lib/validation/users";

// Typed by the response schemas, so an example cannot lose or invent a field unnoticed.
const maria = { id: 2, email: "maria.manager@example.com", full_name: "Maria Manager" };
const emma = { id: 4, email: "emma.employee@example.com", full_name: "Emma Employee" };

const task: TaskDto = {
  id: 42,
  title: "Prepare the quarterly report",
  description: "Figures for Q3, reviewed by finance.",
  status: "IN_PROGRESS",
  priority: "HIGH",
  assigned_to: emma.id,
  created_by: maria.id,
  due_date: "2026-12-15",
  is_overdue: false,
  version: 3,
  import_id: null,
  created_at: "2026-11-20T09:30:00.000Z",
  updated_at: "2026-11-27T14:05:12.000Z",
  assignee: emma,
  creator: maria,
};

const taskPage: z.infer<typeof taskPageSchema> = {
  count: 57,
  next: "https://etums.example.com/api/tasks/?page=2",
  previous: null,
  next_cursor: null,
  results: [task],
};

const activity: z.infer<typeof taskActivityEntrySchema>[] = [
  {
    id: 311,
    kind: "TASK_CREATED",
    field: "title",
    from_value: null,
    to_value: task.title,
    created_at: "2026-11-20T09:30:00.000Z",
    actor: maria,
    task_id: task.id,
  },
  {
    id: 340,
    kind: "TASK_STATUS_CHANGED",
    field: "status",
    from_value: "TODO",
    to_value: "IN_PROGRESS",
    created_at: "2026-11-27T14:05:12.000Z",
    actor: emma,
    task_id: task.id,
  },
];

const user: UserDto = {
  ...emma,
  role: "EMPLOYEE",
  is_active: true,
  created_at: "2026-01-12T08:00:00.000Z",
  updated_at: "2026-03-02T09:15:00.000Z",
  last_login_at: "2026-11-27T13:58:40.000Z",
  locked_until: null,
};

const userPage: z.infer<typeof userPageSchema> = {
  count: 9,
  next: null,
  previous: null,
  results: [user],
};

const createdUser: z.infer<typeof createdUserSchema> = {
  ...user,
  id: 12,
  email: "new.hire@example.com",
  full_name: "New Hire",
  last_login_at: null,
  locked_until: null,
  generated_password: "k7Qm2-Xp9Ha-RtW4n-Bz8Lc",
};

const passwordReset: z.infer<typeof passwordResetResultSchema> = {
  user,
  generated_password: "Fh3Jt-9wYmK-e2PqN-s8VdR",
};

const tokens: z.infer<typeof tokenPairSchema> = {
  access: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI1IiwidHlwIjoiYWNjZXNzIn0.c2lnbmF0dXJl",
  refresh: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI1IiwidHlwIjoicmVmcmVzaCJ9.c2lnbmF0dXJl",
};

const login: z.infer<typeof loginResponseSchema> = {
  ...tokens,
  user: { ...emma, role: "EMPLOYEE", is_active: true },
};

const example = (summary: string, value: unknown) => ({ summary, value });

/** components/examples, referenced from JSDoc as `$ref: '#/components/examples/<Name>'`. */
export const EXAMPLES = {
  Task: example("A task", task),
  TaskPage: example("The first page of tasks", taskPage),
  TaskActivity: example("A task's history", activity),
  User: example("A user, as an admin sees them", user),
  UserPage: example("The first page of users", userPage),
  CreatedUser: example("A user created without a password", createdUser),
  PasswordReset: example("A password reset to a generated password", passwordReset),
  TokenPair: example("A new token pair", tokens),
  Login: example("Signed in", login),
};

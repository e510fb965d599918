import type { Role, TaskPriority, TaskStatus } from "../lib/domain/enums";

export type DemoUser = { email: string; fullName: string; role: Role; password: string };

/** Demo logins, printed by `npm run demo`. Never used outside demo and test databases. */
export const DEMO_USERS: readonly DemoUser[] = [
  { email: "admin@example.com", fullName: "Ada Admin", role: "ADMIN", password: "Admin-Demo-2026" },
  {
    email: "maria.manager@example.com",
    fullName: "Maria Manager",
    role: "MANAGER",
    password: "Manager-Demo-2026",
  },
  {
    email: "mike.manager@example.com",
    fullName: "Mike Morales",
    role: "MANAGER",
    password: "Manager-Demo-2026",
  },
  {
    email: "emma.employee@example.com",
    fullName: "Emma Evans",
    role: "EMPLOYEE",
    password: "Employee-Demo-2026",
  },
  {
    email: "eli.employee@example.com",
    fullName: "Eli Edwards",
    role: "EMPLOYEE",
    password: "Employee-Demo-2026",
  },
  {
    email: "sara.employee@example.com",
    fullName: "Sara Singh",
    role: "EMPLOYEE",
    password: "Employee-Demo-2026",
  },
  {
    email: "tom.employee@example.com",
    fullName: "Tom Tanaka",
    role: "EMPLOYEE",
    password: "Employee-Demo-2026",
  },
  {
    email: "lina.employee@example.com",
    fullName: "Lina Lopez",
    role: "EMPLOYEE",
    password: "Employee-Demo-2026",
  },
  {
    email: "omar.employee@example.com",
    fullName: "Omar Okafor",
    role: "EMPLOYEE",
    password: "Employee-Demo-2026",
  },
];

const SUBJECTS = [
  "Prepare monthly report",
  "Review pull request",
  "Client follow-up call",
  "Update onboarding guide",
  "Fix invoice rounding",
  "Plan sprint retrospective",
  "Audit access rights",
  "Refresh sales dashboard",
  "Migrate mailing list",
  "Draft quarterly goals",
  "Renew SSL certificates",
  "Interview candidate",
];
const STATUSES: TaskStatus[] = ["TODO", "IN_PROGRESS", "DONE"];
const PRIORITIES: TaskPriority[] = ["LOW", "MEDIUM", "HIGH", "URGENT"];

export type DemoTask = {
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  /** Days from today; negative is in the past. Null for no due date. */
  dueInDays: number | null;
  creatorEmail: string;
  assigneeEmail: string;
};

/** 60 tasks, deterministic, spread over both managers, every employee, status, priority and due date. */
export function demoTasks(): DemoTask[] {
  const managers = DEMO_USERS.filter((u) => u.role === "MANAGER");
  const employees = DEMO_USERS.filter((u) => u.role === "EMPLOYEE");
  return Array.from({ length: 60 }, (_, i) => ({
    title: `${SUBJECTS[i % SUBJECTS.length]} #${i + 1}`,
    description: `Demo task ${i + 1}: ${SUBJECTS[(i * 7) % SUBJECTS.length]!.toLowerCase()} for the team.`,
    status: STATUSES[(i * 5) % 3]!,
    priority: PRIORITIES[(i * 3) % 4]!,
    dueInDays: i % 10 === 0 ? null : ((i * 11) % 40) - 12,
    creatorEmail: managers[i % managers.length]!.email,
    assigneeEmail: employees[i % employees.length]!.email,
  }));
}

/** Demo logins seeded by db/seed.ts (db/demo-data.ts), for e2e journeys. */
export const DEMO = {
  admin: { email: "admin@example.com", password: "Admin-Demo-2026" },
  manager: { email: "maria.manager@example.com", password: "Manager-Demo-2026" },
  otherManager: { email: "mike.manager@example.com", password: "Manager-Demo-2026" },
  employee: { email: "emma.employee@example.com", password: "Employee-Demo-2026" },
} as const;

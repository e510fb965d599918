import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activity, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/passwords";

const run = promisify(execFile);

type Outcome = { code: number; stdout: string; stderr: string };

/** `npm run user:create -- …` as a real child process against the test database. */
async function createUserCli(args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "user:create", "--", ...args], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

// Each case starts Node processes; on two shared cores that can take a while.
describe("npm run user:create", { timeout: 120_000 }, () => {
  const email = `cli-${Date.now()}@Test.Example`;
  const password = "Cli-made-passphrase-2026";

  it("creates a user whose password verifies, recorded as a system event", async () => {
    const result = await createUserCli([
      "--email",
      email,
      "--password",
      password,
      "--role",
      "manager",
      "--name",
      "Cli Person",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Created MANAGER cli-\d+@test\.example/);
    const [row] = await db().select().from(users).where(eq(users.email, email.toLowerCase()));
    expect(row).toMatchObject({ fullName: "Cli Person", role: "MANAGER", isActive: true });
    expect(await verifyPassword(row!.passwordHash, password)).toBe(true);
    expect(result.stdout).not.toContain(password);
    const events = await db().select().from(activity).where(eq(activity.subjectUserId, row!.id));
    expect(events).toMatchObject([{ kind: "USER_CREATED", actorId: null, toValue: "MANAGER" }]);
  });

  it("refuses a duplicate email with a non-zero exit and a clear message", async () => {
    const result = await createUserCli([
      "--email",
      email.toUpperCase(),
      "--password",
      password,
      "--name",
      "Again",
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/already exists/);
    const rows = await db().select().from(users).where(eq(users.email, email.toLowerCase()));
    expect(rows).toHaveLength(1);
  });

  it("refuses a weak password and an unknown role with a non-zero exit, creating nothing", async () => {
    const weakEmail = `weak-${Date.now()}@test.example`;
    const weak = await createUserCli(["--email", weakEmail, "--password", "short", "--name", "W"]);
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toMatch(/password: Password must be at least 10 characters/);
    const badRole = await createUserCli([
      "--email",
      weakEmail,
      "--password",
      password,
      "--role",
      "OWNER",
      "--name",
      "W",
    ]);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/role/);
    expect(await db().select().from(users).where(eq(users.email, weakEmail))).toHaveLength(0);
  });
});

import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activity, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/passwords";
import { runNpmScript } from "../helpers/npm-script";

/** `npm run user:create -- …`, against the test database by default. */
function createUserCli(
  args: string[],
  env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
  stdin = "",
) {
  return runNpmScript("user:create", args, { env, stdin });
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

  it("takes the password from standard input with --password-stdin, for scripts", async () => {
    const scripted = `cli-stdin-${Date.now()}@test.example`;
    const result = await createUserCli(
      ["--password-stdin", "--email", scripted, "--role", "employee", "--name", "Cli Script"],
      undefined,
      `${password}\nignored second line\n`,
    );
    expect(result.code).toBe(0);
    const [row] = await db().select().from(users).where(eq(users.email, scripted));
    expect(await verifyPassword(row!.passwordHash, password)).toBe(true);
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
    // What only the service can judge is named by field too.
    const likeEmail = await createUserCli([
      "--email",
      weakEmail,
      "--password",
      weakEmail,
      "--name",
      "W",
    ]);
    expect(likeEmail.code).not.toBe(0);
    expect(likeEmail.stderr).toMatch(/password: The password is too similar to the email address/);
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

  it("reads DATABASE_URL from an env file, as npm start does", async () => {
    // NODE_ENV=test reads .env.test.local: a file that production servers never read.
    const file = path.resolve(import.meta.dirname, "../../.env.test.local");
    if (fs.existsSync(file)) throw new Error(`Move ${file} aside to run this test.`);
    fs.writeFileSync(file, `DATABASE_URL=${process.env.DATABASE_URL}\n`);
    const fromFile = `cli-env-${Date.now()}@test.example`;
    try {
      const env = { ...process.env };
      delete env.DATABASE_URL;
      const result = await createUserCli(
        ["--email", fromFile, "--password", password, "--role", "employee", "--name", "From File"],
        env,
      );
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
    } finally {
      fs.rmSync(file);
    }
    const [made] = await db().select().from(users).where(eq(users.email, fromFile));
    expect(made?.fullName).toBe("From File");
  });

  it("reports a database failure by the driver's message, never the query's values", async () => {
    const result = await createUserCli(
      ["--email", `cli-nodb-${Date.now()}@test.example`, "--password", password, "--name", "No Db"],
      { ...process.env, DATABASE_URL: "mysql://root@127.0.0.1:3306/etums_test_missing_db" },
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Database error: Unknown database 'etums_test_missing_db'");
    expect(result.stderr).not.toContain("argon2");
    expect(result.stderr).not.toContain("params");
  });

  it("says what is wrong with the configuration in its own words, without a stack trace", async () => {
    const result = await createUserCli(
      ["--email", `cli-config-${Date.now()}@test.example`, "--password", password, "--name", "X"],
      { ...process.env, REDIS_URL: "http://127.0.0.1:6379" },
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Invalid environment configuration");
    expect(result.stderr).toContain("REDIS_URL: ");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

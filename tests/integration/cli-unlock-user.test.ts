import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activity, users } from "@/db/schema";
import { makeUser, TEST_PASSWORD } from "../helpers/factories";
import { login } from "./auth-helpers";

const run = promisify(execFile);

type Outcome = { code: number; stdout: string; stderr: string };

/** `npm run user:unlock -- …` as a real child process, against the test database. */
async function unlockCli(args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "user:unlock", "--", ...args], {
      env: process.env,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("npm run user:unlock", { timeout: 120_000 }, () => {
  it("lets a locked-out account sign in again, recorded as a system event", async () => {
    const admin = await makeUser("ADMIN");
    for (let i = 0; i < 5; i += 1) await login(admin.email, "someone-else-guessing");
    expect((await login(admin.email, TEST_PASSWORD)).status).toBe(429);

    const result = await unlockCli(["--email", admin.email.toUpperCase()]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `Unlocked ${admin.email} (id ${admin.id}): it can sign in again.`,
    );
    expect((await login(admin.email, TEST_PASSWORD)).status).toBe(200);
    const [row] = await db().select().from(users).where(eq(users.id, admin.id));
    expect(row).toMatchObject({ lockedUntil: null, failedLoginCount: 0, lockoutCount: 0 });
    const events = await db()
      .select()
      .from(activity)
      .where(and(eq(activity.subjectUserId, admin.id), eq(activity.kind, "USER_UNLOCKED")));
    expect(events).toEqual([expect.objectContaining({ actorId: null, field: "locked_until" })]);
  });

  it("says so when no account has the email", async () => {
    const result = await unlockCli(["--email", "nobody-at-all@test.example"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no account has the email nobody-at-all@test.example");
  });
});

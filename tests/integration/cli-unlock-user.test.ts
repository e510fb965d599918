import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activity, users } from "@/db/schema";
import { makeUser, TEST_PASSWORD } from "../helpers/factories";
import { runNpmScript } from "../helpers/npm-script";
import { login } from "./auth-helpers";

/** `npm run user:unlock -- …` against the test database. */
function unlockCli(args: string[]) {
  return runNpmScript("user:unlock", args);
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

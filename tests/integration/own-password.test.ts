import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activity, users } from "@/db/schema";
import { api } from "../helpers/api";
import { makeUser, TEST_PASSWORD } from "../helpers/factories";
import { login } from "./auth-helpers";

type Body = { detail: string; code?: string; errors?: { field: string; message: string }[] };
const NEW_PASSWORD = "My-own-long-passphrase-42";

function change(token: string, body: object) {
  return api<Body>("POST", "/api/users/me/password/", { token, body });
}

describe("POST /api/users/me/password/", () => {
  it("changes anyone's own password and ends every session, this one too", async () => {
    const user = await makeUser("EMPLOYEE");
    const dayAgo = new Date(Date.now() - 86_400_000);
    await db().update(users).set({ updatedAt: dayAgo }).where(eq(users.id, user.id));
    const other = (await login(user.email, TEST_PASSWORD)).body;
    const res = await change(user.token, {
      current_password: TEST_PASSWORD,
      new_password: NEW_PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ detail: "Password changed. Sign in again with the new password." });
    for (const token of [user.token, other.access]) {
      expect((await api("GET", "/api/users/me/", { token })).status).toBe(401);
    }
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(401);
    const signedIn = await login(user.email, NEW_PASSWORD);
    expect(signedIn.status).toBe(200);
    const me = await api<{ updated_at: string }>("GET", "/api/users/me/", {
      token: signedIn.body.access,
    });
    expect(Date.parse(me.body.updated_at)).toBeGreaterThan(dayAgo.getTime() + 60_000);
    const rows = await db()
      .select()
      .from(activity)
      .where(and(eq(activity.subjectUserId, user.id), eq(activity.kind, "USER_PASSWORD_CHANGED")));
    expect(rows).toEqual([expect.objectContaining({ actorId: user.id, fromValue: null })]);
  });

  it("names the field at fault and changes nothing", async () => {
    const user = await makeUser("MANAGER");
    const cases: [object, string, string][] = [
      [
        { current_password: "not-the-password", new_password: NEW_PASSWORD },
        "current_password",
        "That is not your current password.",
      ],
      [
        { current_password: TEST_PASSWORD, new_password: TEST_PASSWORD },
        "new_password",
        "Choose a new password, not the current one.",
      ],
      [
        { current_password: TEST_PASSWORD, new_password: "short" },
        "new_password",
        "Password must be at least 10 characters long.",
      ],
      [
        { current_password: TEST_PASSWORD, new_password: `${user.email.split("@")[0]}!` },
        "new_password",
        "The password is too similar to the email address.",
      ],
    ];
    for (const [body, field, message] of cases) {
      const res = await change(user.token, body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field, message }]);
    }
    expect((await api("GET", "/api/users/me/", { token: user.token })).status).toBe(200);
  });

  it("is not a sign-in: the account's last sign-in stays as it was", async () => {
    const user = await makeUser("EMPLOYEE");
    const lastSignIn = new Date(Date.now() - 3 * 86_400_000);
    lastSignIn.setMilliseconds(0);
    await db().update(users).set({ lastLoginAt: lastSignIn }).where(eq(users.id, user.id));
    const res = await change(user.token, {
      current_password: TEST_PASSWORD,
      new_password: NEW_PASSWORD,
    });
    expect(res.status).toBe(200);
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row!.lastLoginAt).toEqual(lastSignIn);
  });

  it("counts wrong current passwords toward the lockout, as sign-ins do", async () => {
    const user = await makeUser("EMPLOYEE");
    const wrong = { current_password: "guess-number-one", new_password: NEW_PASSWORD };
    const answers: { status: number; message: string | undefined }[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await change(user.token, wrong);
      const body = res.body as { detail: string; errors?: { message: string }[] };
      answers.push({ status: res.status, message: body.errors?.[0]?.message ?? body.detail });
    }
    // The account's own user is warned before the lock, and told what it locks: signing in.
    expect(answers).toEqual([
      { status: 400, message: "That is not your current password." },
      { status: 400, message: "That is not your current password." },
      {
        status: 400,
        message:
          "That is not your current password. 2 more wrong tries lock signing in to your account for a while.",
      },
      {
        status: 400,
        message:
          "That is not your current password. One more wrong try locks signing in to your account for a while.",
      },
      {
        status: 429,
        message:
          "Too many attempts, try again in 15 minutes. Signing in to your account is locked until then; you stay signed in here, and an administrator can unlock it sooner.",
      },
    ]);
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(429);
    // A sign-in never says how many tries are left: that would help whoever is guessing.
    const other = await makeUser("EMPLOYEE");
    for (let i = 0; i < 4; i += 1) {
      const res = await login(other.email, "guess-number-one");
      expect(JSON.stringify(res.body)).not.toMatch(/more wrong tr/);
    }
  });
});

import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { describe, expect, it, vi } from "vitest";
import { db, pool } from "@/db/client";
import { unknownSignIns, users } from "@/db/schema";
import { authOptions } from "@/lib/auth/next-auth-options";
import { loadSignedInActor } from "@/lib/services/sessions";
import { api } from "../helpers/api";
import { makeUser } from "../helpers/factories";
import { freshIp, login } from "./auth-helpers";

const WRONG = "definitely-wrong-password";

async function account(userId: number) {
  const [row] = await db().select().from(users).where(eq(users.id, userId));
  return row!;
}

async function fail(email: string, times: number) {
  const statuses: number[] = [];
  for (let i = 0; i < times; i += 1) statuses.push((await login(email, WRONG)).status);
  return statuses;
}

/** next-auth's Credentials sign-in, called as next-auth calls it. */
function browserSignIn(email: string, password: string) {
  const provider = authOptions().providers[0] as CredentialsConfig;
  return provider.options.authorize!(
    { email, password },
    { headers: { "x-forwarded-for": freshIp() }, body: {}, query: {}, method: "POST" },
  );
}

describe("account lockout", () => {
  it("locks after 5 consecutive failures, refuses the right password meanwhile, and lets in after", async () => {
    const user = await makeUser("EMPLOYEE");
    expect(await fail(user.email, 4)).toEqual([401, 401, 401, 401]);
    expect((await account(user.id)).failedLoginCount).toBe(4);

    const fifth = await login(user.email, WRONG);
    expect(fifth.status).toBe(429);
    expect(fifth.body.detail).toBe("Too many attempts, try again in 15 minutes.");
    expect(fifth.headers.get("retry-after")).toBe("900");

    const right = await login(user.email, user.password);
    expect(right.status).toBe(429);
    expect(right.body.detail).toMatch(/^Too many attempts, try again in 1[45] minutes\.$/);
    await expect(browserSignIn(user.email, user.password)).rejects.toThrow(/Too many attempts/);

    const locked = await account(user.id);
    expect(locked.lockoutCount).toBe(1);
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);

    // The lock lives in the database: move it into the past instead of waiting.
    await db()
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, user.id));
    const after = await login(user.email, user.password);
    expect(after.status).toBe(200);
    const reset = await account(user.id);
    expect(reset.failedLoginCount).toBe(0);
    expect(reset.lockedUntil).toBeNull();
    expect(reset.lastLoginAt).not.toBeNull();
  });

  it("lifts the lockout when an admin resets the password", async () => {
    const [admin, user] = [await makeUser("ADMIN"), await makeUser("EMPLOYEE")];
    expect(await fail(user.email, 5)).toEqual([401, 401, 401, 401, 429]);
    const reset = await api("POST", `/api/users/${user.id}/reset-password/`, {
      token: admin.token,
      body: { password: "Brand-New-Passphrase-77" },
    });
    expect(reset.status).toBe(200);
    expect(await account(user.id)).toMatchObject({
      failedLoginCount: 0,
      lockoutCount: 0,
      lockedUntil: null,
    });
    expect((await login(user.email, "Brand-New-Passphrase-77")).status).toBe(200);
  });

  it("doubles the lockout each time it repeats without a successful sign-in", async () => {
    const user = await makeUser("MANAGER");
    await fail(user.email, 5);
    await db()
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, user.id));
    const statuses = await fail(user.email, 5);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const row = await account(user.id);
    expect(row.lockoutCount).toBe(2);
    const minutes = (row.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
  });

  it("a success resets the failure count", async () => {
    const user = await makeUser("EMPLOYEE");
    await fail(user.email, 4);
    expect((await login(user.email, user.password)).status).toBe(200);
    expect(await fail(user.email, 4)).toEqual([401, 401, 401, 401]);
  });

  it("does not reveal whether an account exists: unknown emails lock out alike", async () => {
    const statuses = await fail(`no-such-person-${Date.now()}@test.example`, 6);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it("counts an unknown email's failures in the database, as every server process sees them", async () => {
    const email = `nobody-${Date.now()}@test.example`;
    expect(await fail(email, 3)).toEqual([401, 401, 401]);
    // A fresh module graph stands for another process (npm start runs one per core).
    vi.resetModules();
    expect(await fail(email, 2)).toEqual([401, 429]);
    const [row] = await db()
      .select()
      .from(unknownSignIns)
      .where(eq(unknownSignIns.emailHash, createHash("sha256").update(email).digest("hex")));
    expect(row).toMatchObject({ failedLoginCount: 0, lockoutCount: 1 });
  });
});

describe("browser sign-in (next-auth Credentials)", () => {
  it("returns the user with role, session version and a recorded sign-in for the JWT", async () => {
    const user = await makeUser("ADMIN");
    const signedIn = await browserSignIn(user.email, user.password);
    expect(signedIn).toEqual({
      id: String(user.id),
      email: user.email,
      name: user.fullName,
      role: "ADMIN",
      sessionVersion: 1,
      signInId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const claims = { userId: user.id, sessionVersion: 1, familyId: signedIn!.signInId };
    expect((await loadSignedInActor(claims))?.id).toBe(user.id);
  });

  it("refuses a wrong password and a deactivated user with the same message", async () => {
    const user = await makeUser("EMPLOYEE");
    await expect(browserSignIn(user.email, WRONG)).rejects.toThrow("Invalid email or password.");
    const inactive = await makeUser("EMPLOYEE", { isActive: false });
    await expect(browserSignIn(inactive.email, inactive.password)).rejects.toThrow(
      "Invalid email or password.",
    );
  });

  it("counts toward the same lockout as the API", async () => {
    const user = await makeUser("EMPLOYEE");
    await fail(user.email, 3);
    await expect(browserSignIn(user.email, WRONG)).rejects.toThrow("Invalid email or password.");
    await expect(browserSignIn(user.email, WRONG)).rejects.toThrow(/Too many attempts/);
    expect((await login(user.email, user.password)).status).toBe(429);
  });
});

describe("unknown emails under concurrent guesses", () => {
  it("count every guess and never fail, as a real account does", async () => {
    const email = `rush-${Date.now()}@test.example`;
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => login(email, WRONG).then((res) => res.status)),
    );
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
  });
});

describe("a real account under concurrent guesses", () => {
  it("counts every guess, then refuses the rest as locked", async () => {
    const user = await makeUser("EMPLOYEE");
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => login(user.email, WRONG).then((res) => res.status)),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
    expect((await account(user.id)).lockoutCount).toBe(1);
  });

  it("refuses a locked account without waiting for its row lock", async () => {
    const user = await makeUser("MANAGER");
    await db()
      .update(users)
      .set({ lockedUntil: new Date(Date.now() + 600_000) })
      .where(eq(users.id, user.id));
    const holder = await pool().getConnection();
    try {
      await holder.beginTransaction();
      await holder.query("SELECT id FROM users WHERE id = ? FOR UPDATE", [user.id]);
      const answered = await Promise.race([
        login(user.email, WRONG).then((res) => res.status),
        new Promise((resolve) => setTimeout(() => resolve("still waiting"), 5_000)),
      ]);
      expect(answered).toBe(429);
    } finally {
      await holder.rollback();
      holder.release();
    }
  });
});

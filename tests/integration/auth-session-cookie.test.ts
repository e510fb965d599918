import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { api } from "../helpers/api";
import { endBrowserSession, startBrowserSession } from "@/lib/services/browser-sessions";
import { makeUser } from "../helpers/factories";
import { sessionCookie } from "./session-cookie";

const SAME_ORIGIN = "http://127.0.0.1:3000";

describe("browser session cookie on /api", () => {
  it("authenticates reads without an Origin header", async () => {
    const user = await makeUser("MANAGER");
    const res = await api<{ id: number }>("GET", "/api/users/me/", {
      headers: { cookie: await sessionCookie(user) },
    });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(user.id);
  });

  it("refuses a cookie whose sign-in was signed out, or that names no sign-in, and keeps the others", async () => {
    const user = await makeUser("MANAGER");
    const signedOut = await startBrowserSession(user.id);
    const kept = await sessionCookie(user);
    await endBrowserSession(user.id, signedOut);
    for (const cookie of [
      await sessionCookie(user, { signInId: signedOut }),
      await sessionCookie(user, { signInId: null }),
      // Another user's sign-in does not stand for this one.
      await sessionCookie(user, {
        signInId: await startBrowserSession((await makeUser("ADMIN")).id),
      }),
    ]) {
      const res = await api("GET", "/api/users/me/", { headers: { cookie } });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: "token_not_valid" });
    }
    expect((await api("GET", "/api/users/me/", { headers: { cookie: kept } })).status).toBe(200);
  });

  it("leaves another Authorization scheme to whoever sent it: a proxy's Basic login beside the cookie", async () => {
    const user = await makeUser("MANAGER");
    const basic = `Basic ${Buffer.from("proxy-user:proxy-pass").toString("base64")}`;
    const withCookie = await api<{ id: number }>("GET", "/api/users/me/", {
      headers: { cookie: await sessionCookie(user), authorization: basic },
    });
    expect(withCookie.status).toBe(200);
    expect(withCookie.body.id).toBe(user.id);
    const alone = await api("GET", "/api/users/me/", { headers: { authorization: basic } });
    expect(alone.status).toBe(401);
    expect(alone.body).toEqual({ detail: "Authentication credentials were not provided." });
    // A Bearer header that is not one token is still the client's mistake, said as such.
    const malformed = await api("GET", "/api/users/me/", {
      headers: { cookie: await sessionCookie(user), authorization: "Bearer two parts" },
    });
    expect(malformed.status).toBe(401);
    expect(malformed.body).toMatchObject({ code: "token_not_valid" });
  });

  it("refuses a cookie-authenticated write from another origin or with no Origin", async () => {
    const user = await makeUser("EMPLOYEE");
    const cookie = await sessionCookie(user);
    for (const origin of [undefined, "http://evil.example", "null"]) {
      const headers: Record<string, string> = { cookie, ...(origin ? { origin } : {}) };
      const res = await api("POST", "/api/auth/logout/", { headers, body: { all: true } });
      expect(res.status, String(origin)).toBe(403);
      expect(res.body).toEqual({ detail: "Cross-origin request refused." });
    }
    // Nothing happened: the session still works.
    expect((await api("GET", "/api/users/me/", { headers: { cookie } })).status).toBe(200);
  });

  it("accepts the same-origin write, which here ends every session including this cookie", async () => {
    const user = await makeUser("EMPLOYEE");
    const cookie = await sessionCookie(user);
    const res = await api("POST", "/api/auth/logout/", {
      headers: { cookie, origin: SAME_ORIGIN },
      body: { all: true },
    });
    expect(res.status).toBe(200);
    const after = await api("GET", "/api/users/me/", { headers: { cookie } });
    expect(after.status).toBe(401);
  });

  it("judges a write's Origin as the sign-in does: any address the app answers as, never a forged pair", async () => {
    const user = await makeUser("MANAGER");
    const cookie = await sessionCookie(user);
    // Reached at another name it answers as (loopback here; ALLOWED_HOSTS for a LAN address).
    const atLocalhost = await api("POST", "/api/tasks/", {
      headers: { cookie, host: "localhost:3000", origin: "http://localhost:3000" },
      body: { title: "From the page at localhost" },
    });
    expect(atLocalhost.status).toBe(201);
    // A DNS-rebinding page sends a Host and an Origin that agree; neither is ours.
    const rebound = await api("POST", "/api/tasks/", {
      headers: { cookie, host: "evil.example", origin: "http://evil.example" },
      body: { title: "From a rebound page" },
    });
    expect(rebound.status).toBe(400);
    const otherPort = await api("POST", "/api/tasks/", {
      headers: { cookie, origin: "http://127.0.0.1:4000" },
      body: { title: "From another port" },
    });
    expect(otherPort.status).toBe(403);
  });

  it("stops a deactivated user's browser session at once", async () => {
    const user = await makeUser("MANAGER");
    const cookie = await sessionCookie(user);
    expect((await api("GET", "/api/users/me/", { headers: { cookie } })).status).toBe(200);
    await db().update(users).set({ isActive: false }).where(eq(users.id, user.id));
    expect((await api("GET", "/api/users/me/", { headers: { cookie } })).status).toBe(401);
  });

  it("never takes the session cookie's token as a Bearer access token", async () => {
    const user = await makeUser("ADMIN");
    const cookieToken = (await sessionCookie(user)).split("=")[1]!;
    const res = await api<{ code: string }>("GET", "/api/users/me/", { token: cookieToken });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("token_not_valid");
  });

  it("a Bearer write needs no Origin (no ambient credentials to abuse)", async () => {
    const user = await makeUser("EMPLOYEE");
    const res = await api("POST", "/api/auth/logout/", { token: user.token, body: { all: true } });
    expect(res.status).toBe(200);
  });
});

describe("GET /api/auth/session", () => {
  // A live one is next-auth's to answer, which needs a running server (tests/e2e/auth.spec.ts).
  it("reads an ended sign-in as signed out and drops its cookie", async () => {
    const user = await makeUser("EMPLOYEE");
    // Ended three ways: this sign-in signed out, the person deactivated, their role changed.
    const signedOut = await startBrowserSession(user.id);
    const signedOutCookie = await sessionCookie(user, { signInId: signedOut });
    await endBrowserSession(user.id, signedOut);
    const deactivated = await makeUser("EMPLOYEE");
    const deactivatedCookie = await sessionCookie(deactivated);
    await db().update(users).set({ isActive: false }).where(eq(users.id, deactivated.id));
    const moved = await makeUser("EMPLOYEE");
    const movedCookie = await sessionCookie(moved);
    await db()
      .update(users)
      .set({ role: "MANAGER", sessionVersion: 2 })
      .where(eq(users.id, moved.id));

    for (const cookie of [signedOutCookie, deactivatedCookie, movedCookie]) {
      const ended = await api("GET", "/api/auth/session", { headers: { cookie } });
      expect(ended.status).toBe(200);
      expect(ended.body).toEqual({});
      expect(ended.headers.get("set-cookie")).toMatch(/^next-auth\.session-token=;.*Max-Age=0/);
    }
  });
});

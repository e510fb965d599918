import { eq, sql } from "drizzle-orm";
import { SignJWT, base64url, decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { refreshTokens, users } from "@/db/schema";
import {
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  signAccessToken,
  verifyRefreshToken,
} from "@/lib/auth/tokens";
import { hashToken, issueTokenPair } from "@/lib/services/refresh-tokens";
import { api } from "../helpers/api";
import { makeUser } from "../helpers/factories";
import { login, refresh } from "./auth-helpers";

const secret = new TextEncoder().encode(process.env.JWT_SECRET);

/** Any authenticated endpoint works as a probe of whether a token is accepted. */
function probe(token: string) {
  return api<{ detail: string; code?: string }>("GET", "/api/users/me/", { token });
}

function forge(claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT", ...header });
}

/** A user with no sign-in of their own yet: the factory's (behind `user.token`) is removed. */
async function userWithoutSignIns(role: "EMPLOYEE" | "MANAGER" = "EMPLOYEE") {
  const user = await makeUser(role);
  await db().delete(refreshTokens).where(eq(refreshTokens.userId, user.id));
  return user;
}

describe("POST /api/auth/login/", () => {
  it("returns an access token, a refresh token and the user", async () => {
    const user = await makeUser("MANAGER");
    const res = await login(user.email.toUpperCase(), user.password);
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({
      id: user.id,
      email: user.email,
      full_name: user.fullName,
      role: "MANAGER",
      is_active: true,
    });
    const access = decodeJwt(res.body.access);
    const refreshClaims = decodeJwt(res.body.refresh);
    expect(access).toMatchObject({
      typ: "access",
      sub: String(user.id),
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
    });
    expect(refreshClaims).toMatchObject({ typ: "refresh", sub: String(user.id) });
    // The claims SimpleJWT's tokens carry, which the reference's clients may read.
    expect(access).toMatchObject({ token_type: "access", user_id: user.id });
    expect(refreshClaims).toMatchObject({ token_type: "refresh", user_id: user.id });
    expect(access.exp! - access.iat!).toBe(900);
    expect(refreshClaims.exp! - refreshClaims.iat!).toBe(7 * 24 * 3600);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("stores only the SHA-256 of the refresh token", async () => {
    const user = await userWithoutSignIns();
    const { body } = await login(user.email, user.password);
    const rows = await db().select().from(refreshTokens).where(eq(refreshTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(body.refresh));
    expect(JSON.stringify(rows)).not.toContain(body.refresh);
  });

  it("prunes the user's expired refresh tokens at the next sign-in", async () => {
    const user = await userWithoutSignIns();
    const first = (await login(user.email, user.password)).body;
    await db()
      .update(refreshTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(refreshTokens.tokenHash, hashToken(first.refresh)));
    expect((await refresh(first.refresh)).status).toBe(401);
    await login(user.email, user.password);
    const rows = await db().select().from(refreshTokens).where(eq(refreshTokens.userId, user.id));
    expect(rows.map((r) => r.tokenHash)).not.toContain(hashToken(first.refresh));
    expect(rows).toHaveLength(1);
  });

  it("answers a wrong password and an unknown email with the same 401 JSON", async () => {
    const user = await makeUser("EMPLOYEE");
    const wrong = await login(user.email, "not-the-password-1");
    const unknown = await login("nobody-at-all@test.example", "not-the-password-1");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({
      detail: "Invalid email or password.",
      code: "invalid_credentials",
    });
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.get("content-type")).toContain("application/json");
    // A 401 names its scheme, as SimpleJWT's login did.
    expect(wrong.headers.get("www-authenticate")).toBe('Bearer realm="api"');
    expect(unknown.headers.get("www-authenticate")).toBe('Bearer realm="api"');
  });

  it("refuses missing fields with 400 and field errors, and a body neither JSON nor a form with 415", async () => {
    const res = await api<{ errors: { field: string }[] }>("POST", "/api/auth/login/", {
      body: { email: "someone@test.example" },
      headers: { "x-forwarded-for": "192.0.2.77" },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field)).toEqual(["password"]);
    const text = await api("POST", "/api/auth/login/", {
      rawBody: "email=a&password=b",
      headers: { "content-type": "text/plain", "x-forwarded-for": "192.0.2.78" },
    });
    expect(text.status).toBe(415);
  });

  it("takes an HTML form's fields too, urlencoded or multipart, as DRF's token views did", async () => {
    const user = await makeUser("EMPLOYEE");
    const urlencoded = await api<{ access: string; refresh: string }>("POST", "/api/auth/login/", {
      rawBody: new URLSearchParams({ email: user.email, password: user.password }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(urlencoded.status, urlencoded.text).toBe(200);

    const form = new FormData();
    form.append("email", user.email);
    form.append("password", user.password);
    const multipart = await api<{ access: string; refresh: string }>("POST", "/api/auth/login/", {
      rawBody: form,
    });
    expect(multipart.status, multipart.text).toBe(200);

    const rotated = await api<{ refresh: string }>("POST", "/api/auth/refresh/", {
      rawBody: `refresh=${encodeURIComponent(multipart.body.refresh)}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(rotated.status, rotated.text).toBe(200);
    const out = await api("POST", "/api/auth/logout/", {
      rawBody: `refresh=${encodeURIComponent(rotated.body.refresh)}&all=true`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(out.status, out.text).toBe(200);

    // A page on another site cannot make its visitors' browsers spend sign-in attempts.
    const before = await db()
      .select({ failures: users.failedLoginCount })
      .from(users)
      .where(eq(users.id, user.id));
    const crossSiteHeaders: Record<string, string>[] = [
      { origin: "https://elsewhere.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3000" },
      // Another app on the same machine, or the same host on another port, is another site.
      { origin: "http://localhost:8080" },
      { origin: "http://127.0.0.1:3001" },
    ];
    for (const headers of crossSiteHeaders) {
      const crossSite = await api<{ detail: string }>("POST", "/api/auth/login/", {
        rawBody: new URLSearchParams({ email: user.email, password: "wrong" }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      });
      expect(crossSite.status, JSON.stringify(headers)).toBe(403);
      expect(crossSite.body.detail).toBe("A form from another site is refused.");
    }
    const after = await db()
      .select({ failures: users.failedLoginCount })
      .from(users)
      .where(eq(users.id, user.id));
    expect(after).toEqual(before);
    const ownPage = await api("POST", "/api/auth/login/", {
      rawBody: new URLSearchParams({ email: user.email, password: user.password }).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://127.0.0.1:3000",
        "sec-fetch-site": "same-origin",
      },
    });
    expect(ownPage.status).toBe(200);
    // The page the app serves at another address it answers as (loopback, ALLOWED_HOSTS).
    const reachedAt = await api("POST", "/api/auth/login/", {
      rawBody: new URLSearchParams({ email: user.email, password: user.password }).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        host: "localhost:3000",
        origin: "http://localhost:3000",
      },
    });
    expect(reachedAt.status).toBe(200);

    const withFile = new FormData();
    withFile.append("email", new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0x81])]), "email.bin");
    withFile.append("password", user.password);
    // A text field in Latin-1: refused, not tried as a password with U+FFFD in place of "é".
    const latin1 = Buffer.concat([
      Buffer.from('--b\r\nContent-Disposition: form-data; name="password"\r\n\r\nj'),
      Buffer.from([0xe9]),
      Buffer.from("@\r\n--b--\r\n"),
    ]);
    const notUtf8 = await api<{ detail: string }>("POST", "/api/auth/login/", {
      rawBody: new Uint8Array(latin1),
      headers: { "content-type": "multipart/form-data; boundary=b" },
    });
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.detail).toBe('"password" is not valid UTF-8.');
    // The same Latin-1 byte %-escaped in an urlencoded form.
    const escapedLatin1 = await api<{ detail: string }>("POST", "/api/auth/login/", {
      rawBody: `email=${encodeURIComponent(user.email)}&password=j%E9%40`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(escapedLatin1.status).toBe(400);
    expect(escapedLatin1.body.detail).toBe('"password" is not valid UTF-8.');

    const file = await api<{ detail: string }>("POST", "/api/auth/login/", { rawBody: withFile });
    expect(file.status).toBe(400);
    expect(file.body.detail).toBe('"email" is a file; send text fields only.');
  });

  it("refuses a deactivated user even with the right password", async () => {
    const user = await makeUser("EMPLOYEE", { isActive: false });
    const res = await login(user.email, user.password);
    expect(res.status).toBe(401);
    expect(res.body.detail).toBe("Invalid email or password.");
  });

  it("is not blocked by a stale Bearer token", async () => {
    const user = await makeUser("EMPLOYEE");
    const res = await api("POST", "/api/auth/login/", {
      token: "stale.garbage.token",
      body: { email: user.email, password: user.password },
      headers: { "x-forwarded-for": "192.0.2.79" },
    });
    expect(res.status).toBe(200);
  });
});

describe("POST /api/auth/refresh/", () => {
  it("refuses, before parsing, a body nested too deep or bigger than a token needs", async () => {
    const deep = `{"refresh":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const nested = await api<{ detail: string }>("POST", "/api/auth/refresh/", {
      headers: { "content-type": "application/json" },
      rawBody: deep,
    });
    expect(nested.status).toBe(400);
    expect(nested.body.detail).toBe("JSON request body nested more than 32 levels deep.");
    for (const path of ["/api/auth/refresh/", "/api/auth/login/", "/api/auth/logout/"]) {
      const big = await api("POST", path, { body: { refresh: "x".repeat(17 * 1024) } });
      expect({ path, status: big.status }).toEqual({ path, status: 413 });
    }
  });

  it("rotates: the new pair works and the old refresh token is spent", async () => {
    const user = await makeUser("EMPLOYEE");
    const first = (await login(user.email, user.password)).body;
    const second = await refresh(first.refresh);
    expect(second.status).toBe(200);
    expect(Object.keys(second.body).sort()).toEqual(["access", "refresh"]);
    expect(second.body.refresh).not.toBe(first.refresh);
    expect((await probe(second.body.access)).status).toBe(200);
    const third = await refresh(second.body.refresh);
    expect(third.status).toBe(200);
  });

  it("revokes the whole family when a rotated token is reused", async () => {
    const user = await userWithoutSignIns();
    const first = (await login(user.email, user.password)).body;
    const second = (await refresh(first.refresh)).body;
    const reuse = await refresh(first.refresh);
    expect(reuse.status).toBe(401);
    expect(reuse.body).toEqual({ detail: "Token is invalid or expired", code: "token_not_valid" });
    // The thief's reuse also kills the legitimate holder's newer token, and the family's
    // access tokens at once, not when they expire.
    expect((await refresh(second.refresh)).status).toBe(401);
    expect((await probe(first.access)).status).toBe(401);
    expect((await probe(second.access)).status).toBe(401);
    const live = await db()
      .select({ n: sql<number>`count(*)` })
      .from(refreshTokens)
      .where(sql`${refreshTokens.userId} = ${user.id} and ${refreshTokens.revokedAt} is null`);
    expect(Number(live[0]!.n)).toBe(0);
    // Another sign-in (another family) is unaffected.
    const other = (await login(user.email, user.password)).body;
    expect((await refresh(other.refresh)).status).toBe(200);
  });

  it("answers a refresh token presented twice at once with one pair, and revokes its family, every time", async () => {
    // Two clients racing with one token once deadlocked InnoDB (the new token's row locked behind
    // the waiting one's): a 500, and the family left alive. Many races make that chance show.
    const user = await userWithoutSignIns();
    for (let race = 0; race < 150; race++) {
      const pair = await issueTokenPair({ ...user, sessionVersion: 1 });
      const answers = await Promise.all([refresh(pair.refresh), refresh(pair.refresh)]);
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses, `race ${race}`).toEqual([200, 401]);
      const winner = answers.find((answer) => answer.status === 200)!;
      expect((await refresh(winner.body.refresh)).status, `race ${race}`).toBe(401);
    }
  });

  it("ends every sign-in while the user's other sign-ins refresh, without a 500", async () => {
    // Ending them locked the user's row, then the tokens; a rotation took its token, then the
    // user's row (its new token's foreign key): they deadlocked, the ending answered 500, and
    // every token lived on.
    const admin = await makeUser("ADMIN");
    const user = await userWithoutSignIns();
    for (let round = 0; round < 16; round++) {
      const [current] = await db()
        .select({ sessionVersion: users.sessionVersion })
        .from(users)
        .where(eq(users.id, user.id));
      const pairs = await Promise.all(
        [0, 1, 2, 3, 4].map(() => issueTokenPair({ ...user, ...current! })),
      );
      const ending =
        round % 2 === 0
          ? api("POST", `/api/users/${user.id}/sign-out/`, { token: admin.token })
          : api("POST", "/api/auth/logout/", { body: { refresh: pairs[0]!.refresh, all: true } });
      const [ended, ...refreshed] = await Promise.all([
        ending,
        ...pairs.slice(1).map((pair) => refresh(pair.refresh)),
      ]);
      expect(ended.status, `round ${round}`).toBe(200);
      const issued = refreshed.filter((answer) => answer.status === 200);
      for (const token of [
        ...pairs.map((pair) => pair.refresh),
        ...issued.map((a) => a.body.refresh),
      ]) {
        expect((await refresh(token)).status, `round ${round}`).toBe(401);
      }
    }
  });

  it("never accepts an access token as a refresh token, nor the reverse", async () => {
    const user = await makeUser("EMPLOYEE");
    const pair = (await login(user.email, user.password)).body;
    expect((await refresh(pair.access)).status).toBe(401);
    const asAccess = await probe(pair.refresh);
    expect(asAccess.status).toBe(401);
    expect(asAccess.headers.get("www-authenticate")).toContain("invalid_token");
  });

  it("refuses a refresh token after the user is deactivated or their sessions are revoked", async () => {
    const deactivated = await makeUser("EMPLOYEE");
    const a = (await login(deactivated.email, deactivated.password)).body;
    await db().update(users).set({ isActive: false }).where(eq(users.id, deactivated.id));
    expect((await refresh(a.refresh)).status).toBe(401);

    const bumped = await makeUser("MANAGER");
    const b = (await login(bumped.email, bumped.password)).body;
    await db()
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, bumped.id));
    expect((await refresh(b.refresh)).status).toBe(401);
  });

  it("refuses tampered, unsigned, expired and foreign tokens", async () => {
    const user = await makeUser("EMPLOYEE");
    const { refresh: good } = (await login(user.email, user.password)).body;
    const [header, payload, signature] = good.split(".");
    const claims = decodeJwt(good);

    const tamperedPayload = base64url.encode(JSON.stringify({ ...claims, sub: "1" }));
    const flipped = signature!.slice(0, -2) + (signature!.endsWith("AA") ? "BB" : "AA");
    const none = `${base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }))}.${payload}.`;
    const now = Math.floor(Date.now() / 1000);
    const expired = await forge({ ...claims, iat: now - 100, exp: now - 10 }).sign(secret);
    const wrongIssuer = await forge({ ...claims, iss: "someone-else" }).sign(secret);
    const wrongAudience = await forge({ ...claims, aud: "another-api" }).sign(secret);
    const otherKey = await forge(claims).sign(new TextEncoder().encode("x".repeat(48)));

    for (const token of [
      `${header}.${tamperedPayload}.${signature}`,
      `${header}.${payload}.${flipped}`,
      none,
      expired,
      wrongIssuer,
      wrongAudience,
      otherKey,
      "not-a-jwt",
    ]) {
      expect((await refresh(token)).status, token).toBe(401);
    }
    // The genuine token still works: the refusals above did not spend it.
    expect((await refresh(good)).status).toBe(200);
  });
});

describe("access tokens on the API", () => {
  it("answers every protected endpoint without credentials with 401 JSON and a Bearer challenge", async () => {
    const calls: [string, string][] = [
      ["GET", "/api/tasks/"],
      ["GET", "/api/tasks"],
      ["POST", "/api/tasks/"],
      ["GET", "/api/tasks/5/"],
      ["DELETE", "/api/tasks/5/"],
      ["GET", "/api/tasks/5/activity/"],
      ["GET", "/api/tasks/export/"],
      ["POST", "/api/tasks/bulk-upload/"],
      ["GET", "/api/users"],
      ["GET", "/api/users/me/"],
      ["PATCH", "/api/users/5/"],
    ];
    for (const [method, path] of calls) {
      const res = await api<{ detail: string }>(method, path);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get("www-authenticate"), path).toBe('Bearer realm="api"');
      expect(res.body).toEqual({ detail: "Authentication credentials were not provided." });
    }
  });

  it("refuses tampered, alg none, expired, wrong issuer and wrong audience access tokens", async () => {
    const user = await makeUser("ADMIN");
    const claims = decodeJwt(user.token);
    const [header, payload] = user.token.split(".");
    const now = Math.floor(Date.now() / 1000);
    const elevated = base64url.encode(JSON.stringify({ ...claims, sub: "1", role: "ADMIN" }));
    const cases = {
      tampered: `${header}.${elevated}.${user.token.split(".")[2]}`,
      algNone: `${base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }))}.${payload}.`,
      expired: await forge({ ...claims, iat: now - 100, exp: now - 1 }).sign(secret),
      wrongIssuer: await forge({ ...claims, iss: "evil" }).sign(secret),
      wrongAudience: await forge({ ...claims, aud: "evil" }).sign(secret),
      hs512: await forge(claims, { alg: "HS512" }).sign(secret),
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await probe(token);
      expect(res.status, name).toBe(401);
      expect(res.body.code, name).toBe("token_not_valid");
    }
    expect((await probe(user.token)).status).toBe(200);
  });

  it("stops a deactivated user's live access token at once", async () => {
    const user = await makeUser("MANAGER");
    expect((await probe(user.token)).status).toBe(200);
    await db().update(users).set({ isActive: false }).where(eq(users.id, user.id));
    expect((await probe(user.token)).status).toBe(401);
  });

  it("makes a role change effective at once: the old token dies, a new sign-in carries the new role", async () => {
    const user = await makeUser("MANAGER");
    const before = (await login(user.email, user.password)).body;
    // What the users service does on a role change: new role, new session version.
    await db()
      .update(users)
      .set({ role: "EMPLOYEE", sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    expect((await probe(before.access)).status).toBe(401);
    expect((await refresh(before.refresh)).status).toBe(401);
    const after = await login(user.email, user.password);
    expect(after.body.user.role).toBe("EMPLOYEE");
    expect(decodeJwt(after.body.access).role).toBe("EMPLOYEE");
    expect((await probe(after.body.access)).status).toBe(200);
  });

  it("signs a token for a session version the user no longer has: refused", async () => {
    const user = await makeUser("EMPLOYEE");
    const stale = await signAccessToken({
      userId: user.id,
      role: "EMPLOYEE",
      sessionVersion: 0,
      familyId: crypto.randomUUID(),
    });
    expect((await probe(stale)).status).toBe(401);
  });
});

describe("POST /api/auth/logout/", () => {
  it("revokes the sign-in of the given refresh token", async () => {
    const user = await makeUser("EMPLOYEE");
    const pair = (await login(user.email, user.password)).body;
    const other = (await login(user.email, user.password)).body;
    expect((await probe(pair.access)).status).toBe(200);
    const res = await api("POST", "/api/auth/logout/", { body: { refresh: pair.refresh } });
    expect(res.status).toBe(200);
    expect((await refresh(pair.refresh)).status).toBe(401);
    // Its access token ends with it; the other sign-in's goes on.
    expect((await probe(pair.access)).status).toBe(401);
    expect((await probe(other.access)).status).toBe(200);
    expect((await refresh(other.refresh)).status).toBe(200);
  });

  it("refuses an access token that names no sign-in of its user", async () => {
    const user = await makeUser("EMPLOYEE");
    const other = await makeUser("EMPLOYEE");
    const otherFamily = (await login(other.email, other.password)).body.refresh;
    const familyId = (await verifyRefreshToken(otherFamily)).familyId;
    for (const claims of [
      { familyId: crypto.randomUUID() },
      // Another user's live sign-in does not stand for this one.
      { familyId },
    ]) {
      const token = await signAccessToken({
        userId: user.id,
        role: "EMPLOYEE",
        sessionVersion: 1,
        ...claims,
      });
      expect((await probe(token)).status).toBe(401);
    }
  });

  it("with {all: true} ends every token and session of the user", async () => {
    const user = await makeUser("EMPLOYEE");
    const a = (await login(user.email, user.password)).body;
    const b = (await login(user.email, user.password)).body;
    const res = await api("POST", "/api/auth/logout/", { token: a.access, body: { all: true } });
    expect(res.status).toBe(200);
    expect((await probe(a.access)).status).toBe(401);
    expect((await probe(b.access)).status).toBe(401);
    expect((await refresh(b.refresh)).status).toBe(401);
    expect((await login(user.email, user.password)).status).toBe(200);
  });

  it("takes {all: true} only from a live refresh token: a spent or signed-out one ends nothing", async () => {
    const user = await makeUser("EMPLOYEE");
    const first = (await login(user.email, user.password)).body;
    const rotated = (await refresh(first.refresh)).body;
    const signedOut = (await login(user.email, user.password)).body;
    await api("POST", "/api/auth/logout/", { body: { refresh: signedOut.refresh } });
    const beforeReset = (await login(user.email, user.password)).body;
    // What an admin's password reset does to the user's sessions.
    await db()
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    const current = (await login(user.email, user.password)).body;
    for (const dead of [first.refresh, signedOut.refresh, beforeReset.refresh]) {
      const res = await api("POST", "/api/auth/logout/", { body: { refresh: dead, all: true } });
      expect(res.status).toBe(401);
    }
    expect((await probe(current.access)).status).toBe(200);
    expect((await refresh(current.refresh)).status).toBe(200);
    // The spent token still ends its own sign-in, as a replayed refresh does.
    expect((await refresh(rotated.refresh)).status).toBe(401);
  });

  it("refuses {all: true} from an anonymous caller and an empty body", async () => {
    expect((await api("POST", "/api/auth/logout/", { body: { all: true } })).status).toBe(401);
    expect((await api("POST", "/api/auth/logout/", { body: {} })).status).toBe(400);
  });
});

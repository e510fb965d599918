import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { api } from "../helpers/api";
import { makeUser } from "../helpers/factories";

const REFUSED = { detail: "This server does not answer as the host the request names." };

// A DNS-rebinding page: its own name now points at this server, so it names itself as the Host
// and, to the browser, is the same origin as what it reaches.
const rebound = { host: "rebound.example:3000", origin: "http://rebound.example:3000" };

async function failedSignIns(userId: number): Promise<number> {
  const [row] = await db()
    .select({ failures: users.failedLoginCount })
    .from(users)
    .where(eq(users.id, userId));
  return row!.failures;
}

describe("a request naming a host the app does not answer as", () => {
  it("cannot sign in, as JSON or as a form, nor spend the account's sign-in attempts", async () => {
    const user = await makeUser("EMPLOYEE");
    const attempts = [
      { body: { email: user.email, password: "wrong-password-1" } },
      { body: { email: user.email, password: user.password } },
      {
        rawBody: new URLSearchParams({ email: user.email, password: user.password }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      },
    ];
    for (const attempt of attempts) {
      const res = await api("POST", "/api/auth/login/", {
        ...attempt,
        headers: { ...attempt.headers, ...rebound, "sec-fetch-site": "same-origin" },
      });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(REFUSED);
    }
    expect(await failedSignIns(user.id)).toBe(0);

    const signIn = await api("POST", "/api/auth/callback/credentials", {
      rawBody: new URLSearchParams({ email: user.email, password: user.password }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", ...rebound },
    });
    expect(signIn.status).toBe(400);
    expect(signIn.body).toEqual(REFUSED);
    expect((await api("GET", "/api/auth/csrf", { headers: rebound })).body).toEqual(REFUSED);
  });

  it("is refused with a valid token too, while the app's own hosts are served", async () => {
    const admin = await makeUser("ADMIN");
    const refused = await api("GET", "/api/tasks/", { token: admin.token, headers: rebound });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(REFUSED);
    for (const host of ["127.0.0.1:3000", "localhost:3000", "[::1]:3000"]) {
      const served = await api("GET", "/api/tasks/", { token: admin.token, headers: { host } });
      expect(served.status, host).toBe(200);
    }
  });

  it("still gets the health probes, which a load balancer sends to the instance's own address", async () => {
    for (const path of ["/api/health/live/", "/api/health/"]) {
      const probe = await api("GET", path, { headers: { host: "10.1.2.3:3000" } });
      expect(probe.status, path).toBe(200);
    }
  });
});

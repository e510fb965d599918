import { describe, expect, it } from "vitest";
import { SIGN_IN_UNAVAILABLE } from "@/lib/auth/messages";
import { authOptions } from "@/lib/auth/next-auth-options";
import { signAccessToken } from "@/lib/auth/tokens";
import { api } from "../helpers/api";

// The database "stopped": nothing listens on port 1. Requests must say so, as JSON, not crash.
process.env.DATABASE_URL = "mysql://root@127.0.0.1:1/etums_test";

describe("the API with the database out of reach", () => {
  it("answers 503 with Retry-After for reads and writes, never a 500", async () => {
    const token = await signAccessToken({
      userId: 1,
      role: "ADMIN",
      sessionVersion: 1,
      familyId: crypto.randomUUID(),
    });
    const calls = [
      await api("GET", "/api/tasks/", { token }),
      await api("POST", "/api/tasks/", { token, body: { title: "Lost?" } }),
      await api("POST", "/api/auth/login/", {
        body: { email: "someone@example.com", password: "whatever-it-is" },
      }),
    ];
    for (const res of calls) {
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(res.body).toEqual({
        detail: "The service is unavailable for a moment; nothing was changed. Try again shortly.",
      });
    }
  });
});

describe("the browser's sign-in with the database out of reach", () => {
  it("fails with a fixed message: the driver's, with its SQL and the email, never reaches the URL", async () => {
    const [provider] = authOptions().providers as unknown as {
      options: { authorize: (credentials: object, request: object) => Promise<unknown> };
    }[];
    const attempt = provider!.options.authorize(
      { email: "someone@example.com", password: "whatever-it-is" },
      { headers: {} },
    );
    await expect(attempt).rejects.toThrow(new Error(SIGN_IN_UNAVAILABLE));
  });
});

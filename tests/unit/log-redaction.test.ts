import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "@/lib/log-redaction";

describe("redactSecrets", () => {
  it("censors secret fields at the top level and one or two levels down", () => {
    const logged = {
      password: "Sup3r-Secret-Password",
      headers: { authorization: "Bearer abc", accept: "application/json" },
      body: { user: { new_password: "another-secret", email: "a@example.com" } },
      tokens: [{ refresh: "refresh-value", kind: "refresh" }],
    };
    expect(redactSecrets(logged)).toEqual({
      password: REDACTED,
      headers: { authorization: REDACTED, accept: "application/json" },
      body: { user: { new_password: REDACTED, email: "a@example.com" } },
      tokens: [{ refresh: REDACTED, kind: "refresh" }],
    });
  });

  it("leaves the caller's object untouched and copies only what holds a secret", () => {
    const untouched = { id: 3 };
    const logged = { cookie: "session=abc", user: untouched, route: "/api/tasks/" };
    const redacted = redactSecrets(logged);
    expect(logged.cookie).toBe("session=abc");
    expect(redacted.user).toBe(untouched);
    const clean = { method: "GET", status: 200, nested: { userId: 4 } };
    expect(redactSecrets(clean)).toBe(clean);
  });

  it("walks plain objects and arrays only, not class instances such as dates", () => {
    const logged = { at: new Date(0), ids: [1, 2] };
    expect(redactSecrets(logged)).toBe(logged);
  });
});

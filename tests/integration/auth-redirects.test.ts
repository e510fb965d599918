import { describe, expect, it } from "vitest";
import { describeSignInError } from "@/components/auth/sign-in-errors";
import { lockoutMinutes } from "@/lib/auth/lockout";
import { roleHome } from "@/lib/auth/role-home";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";

describe("sign-in callbackUrl", () => {
  it("keeps same-origin relative paths", () => {
    expect(safeCallbackPath("/tasks/5?tab=activity#top")).toBe("/tasks/5?tab=activity#top");
    expect(safeCallbackPath("/board")).toBe("/board");
  });

  it("refuses anything that could leave the site or loop", () => {
    for (const value of [
      "https://evil.example/",
      "//evil.example/path",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "evil.example",
      "/%0d%0aLocation:x",
      "/login",
      "/login?callbackUrl=/x",
      "/api/auth/signout",
      "",
      null,
      undefined,
    ]) {
      const safe = safeCallbackPath(value);
      if (safe !== null) expect(safe.startsWith("/") && !safe.startsWith("//")).toBe(true);
      expect(safe === null || !/^\/(login|api\/)/.test(safe), String(value)).toBe(true);
    }
    expect(safeCallbackPath("//evil.example/path")).toBeNull();
    expect(safeCallbackPath("/\\evil.example")).toBeNull();
    expect(safeCallbackPath("https://evil.example/")).toBeNull();
  });

  it("refuses paths whose dot-segments resolve to another site's address", () => {
    for (const value of [
      "/.//evil.example/x",
      "/a/..//evil.example",
      "/%2e//evil.example",
      "/%2E%2E//evil.example",
    ]) {
      expect(safeCallbackPath(value), value).toBeNull();
    }
    expect(safeCallbackPath("/tasks/../board")).toBe("/board");
  });

  it("each role has its home", () => {
    expect(roleHome("EMPLOYEE")).toBe("/my-tasks");
    expect(roleHome("MANAGER")).toBe("/board");
    expect(roleHome("ADMIN")).toBe("/admin");
  });
});

describe("sign-in messages", () => {
  it("shows only known texts, whatever ?error= says", () => {
    expect(describeSignInError("CredentialsSignin")).toBe("Invalid email or password.");
    expect(describeSignInError("Too many attempts, try again in 15 minutes.")).toBe(
      "Too many attempts, try again in 15 minutes.",
    );
    expect(describeSignInError("Your account was hacked, call +1 555 0100")).toBe(
      "Sign-in failed. Please try again.",
    );
    expect(describeSignInError(null)).toBeNull();
  });

  it("doubles the lockout on each repeat, up to a day", () => {
    expect([0, 1, 2, 3].map((n) => lockoutMinutes(15, n))).toEqual([15, 30, 60, 120]);
    expect(lockoutMinutes(15, 40)).toBe(24 * 60);
  });
});

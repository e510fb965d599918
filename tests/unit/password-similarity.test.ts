import { describe, expect, it } from "vitest";
import { passwordLikeOwner } from "@/lib/auth/password-similarity";

const EMMA = { email: "emma.employee@example.com", fullName: "Emma Employee" };

describe("passwordLikeOwner", () => {
  it("refuses the email address, its local part or the name over again", () => {
    for (const password of [
      "emma.employee@example.com",
      "EMMA.EMPLOYEE@EXAMPLE.COM",
      "emma.employee1",
      "Emma-Employee!",
      "employee2026",
    ]) {
      expect(passwordLikeOwner(password, EMMA), password).toMatch(/^The password is too similar/);
    }
    expect(passwordLikeOwner("emma.employee1", EMMA)).toBe(
      "The password is too similar to the email address.",
    );
    expect(
      passwordLikeOwner("Zoë Ångström 1", { email: "z@example.com", fullName: "Zoë Ångström" }),
    ).toBe("The password is too similar to the name.");
  });

  it("lets a passphrase through that merely contains a word of them", () => {
    for (const password of [
      "Employee-Demo-2026",
      "Correct-horse-battery-staple",
      "emma-likes-long-walks-at-dawn",
    ]) {
      expect(passwordLikeOwner(password, EMMA), password).toBeNull();
    }
  });
});

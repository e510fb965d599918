import { describe, expect, it } from "vitest";
import { shortName } from "@/components/tasks/labels";

describe("shortName, the assignee on a board card", () => {
  it("tells Maria Manager from Mike Morales, whose initials are the same", () => {
    expect(shortName("Maria Manager")).toBe("Maria M.");
    expect(shortName("Mike Morales")).toBe("Mike M.");
  });

  it("takes the last of several family names, and keeps a single name whole", () => {
    expect(shortName("  Ana   de la  Cruz ")).toBe("Ana C.");
    expect(shortName("Cher")).toBe("Cher");
    expect(shortName("ömer çelik")).toBe("ömer Ç.");
  });

  it("falls back to the e-mail's local part when there is no name", () => {
    expect(shortName(" ", "ops.bot@example.com")).toBe("ops.bot");
    expect(shortName("", "")).toBe("?");
  });
});

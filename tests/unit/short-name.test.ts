import { describe, expect, it } from "vitest";
import { distinctShortNames, shortName } from "@/components/tasks/labels";

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

describe("distinctShortNames, the assignees of one board", () => {
  const person = (id: number, full_name: string, email = `p${id}@example.com`) => ({
    id,
    full_name,
    email,
  });

  it("keeps the short form while it tells everyone apart", () => {
    const labels = distinctShortNames([person(1, "Maria Manager"), person(2, "Mike Morales")]);
    expect([...labels]).toEqual([
      [1, "Maria M."],
      [2, "Mike M."],
    ]);
  });

  it("adds letters of the family name where two short forms meet", () => {
    const labels = distinctShortNames([
      person(1, "Maria Manager"),
      person(2, "Maria Morales"),
      person(3, "Maria Mo"),
      person(4, "Emma Employee"),
      person(1, "Maria Manager"),
    ]);
    expect(labels.get(1)).toBe("Maria Man.");
    expect(labels.get(2)).toBe("Maria Mor.");
    expect(labels.get(3)).toBe("Maria Mo");
    expect(labels.get(4)).toBe("Emma E.");
    expect(labels.size).toBe(4);
  });

  it("names the e-mail beside two people of the same name", () => {
    const labels = distinctShortNames([
      person(1, "Ana Cruz", "ana.cruz@example.com"),
      person(2, "Ana Cruz", "ana.c@example.com"),
      person(3, "Cher", "cher@example.com"),
      person(4, "Cher", "cher2@example.com"),
    ]);
    expect(labels.get(1)).toBe("Ana Cruz (ana.cruz)");
    expect(labels.get(2)).toBe("Ana Cruz (ana.c)");
    expect(labels.get(3)).toBe("Cher (cher)");
    expect(labels.get(4)).toBe("Cher (cher2)");
  });
});

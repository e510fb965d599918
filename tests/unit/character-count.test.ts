import { describe, expect, it } from "vitest";
import { z } from "zod";
import { passwordWeakness } from "@/lib/auth/passwords";
import { characterCount, longerThan } from "@/lib/validation/character-count";

describe("characterCount", () => {
  it.each(["", "abc", "😀", "😀a😀", "e\u0301", "\ud800 lone high", "lone low \udc00", "👩‍💻"])(
    "counts %j as zod's max() does",
    (value) => {
      const count = characterCount(value);
      expect(count).toBe([...value].length);
      expect(z.string().max(count).safeParse(value).success).toBe(true);
      if (count > 0)
        expect(
          z
            .string()
            .max(count - 1)
            .safeParse(value).success,
        ).toBe(false);
      expect(longerThan(value, count)).toBe(false);
      if (count > 0) expect(longerThan(value, count - 1)).toBe(true);
    },
  );
});

describe("passwordWeakness counts characters", () => {
  it("takes a long emoji passphrase and refuses five emoji or one repeated", () => {
    expect(passwordWeakness("🔒🔑🗝️🚪🏠🌳🌊🔥⭐🌙".repeat(13))).toBeNull();
    expect(passwordWeakness("🔒🔑🚪🏠🌳")).toBe("Password must be at least 10 characters long.");
    expect(passwordWeakness("🔒".repeat(12))).toBe("Password must not repeat a single character.");
  });
});

import { describe, expect, it } from "vitest";
import { nestsDeeperThan } from "@/lib/http/json-depth";

describe("nestsDeeperThan", () => {
  it("counts arrays and objects, not brackets inside strings or escaped quotes", () => {
    expect(nestsDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(nestsDeeperThan(`{"a":"${"[".repeat(100)}"}`, 1)).toBe(false);
    expect(nestsDeeperThan(`{"a":"\\"${"{".repeat(100)}"}`, 1)).toBe(false);
    expect(nestsDeeperThan(`{"a":"\\\\",${"[".repeat(3)}`, 3)).toBe(true);
  });

  it("stops at the first level too deep, whatever follows", () => {
    expect(nestsDeeperThan("[".repeat(33) + "x".repeat(10), 32)).toBe(true);
    expect(nestsDeeperThan("[".repeat(32) + "]".repeat(32), 32)).toBe(false);
  });
});

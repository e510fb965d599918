import { describe, expect, it } from "vitest";
import { largestTopLevelArray } from "@/lib/http/json-array-size";

describe("largestTopLevelArray", () => {
  it.each([
    ['{"tasks": []}', 0],
    ['{"tasks": [ ]}', 0],
    ['{"tasks": [{}]}', 1],
    ['{"tasks": [0]}', 1],
    ['{"tasks": [{"title": "a, b [c]"}, {"t": "{x,}"}]}', 2],
    ['{"tasks": ["quote \\" , inside", "back\\\\", 3]}', 3],
    ['{"tasks": [[1, 2, 3], {"a": [4, 5]}]}', 2],
    ['{"a": [1, 2], "tasks": [1, 2, 3], "b": {"c": [1, 2, 3, 4]}}', 3],
    ['{"tasks": [{}, {}, {}', 3],
    ["[1, 2, 3]", 0],
  ])("%s → %i", (json, expected) => {
    expect(largestTopLevelArray(json)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { topLevelArrayLength } from "@/lib/http/json-array-size";

describe("topLevelArrayLength", () => {
  it.each([
    ['{"tasks": []}', 0],
    ['{"tasks": [ ]}', 0],
    ['{"tasks": [{}]}', 1],
    ['{"tasks": [0]}', 1],
    ['{"tasks": [{"title": "a, b [c]"}, {"t": "{x,}"}]}', 2],
    ['{"tasks": ["quote \\" , inside", "back\\\\", 3]}', 3],
    ['{"tasks": [[1, 2, 3], {"a": [4, 5]}]}', 2],
    ['{"meta": [1, 2, 3, 4], "tasks": [1, 2], "b": {"tasks": [1, 2, 3]}}', 2],
    ['{"note": "tasks", "x": [1, 2, 3]}', 0],
    ['{"tasks": [1, 2, 3], "tasks": [1]}', 1],
    ['{"t\\u0061sks": [1, 2]}', 2],
    ['{"tasks": [{}, {}, {}', 3],
    ['{"tasks": {"a": 1, "b": 2}}', 0],
    ["[1, 2, 3]", 0],
  ])("%s → %i", (json, expected) => {
    expect(topLevelArrayLength(json, "tasks")).toBe(expected);
    expect(topLevelArrayLength(json, "tasks")).toBe(
      (() => {
        try {
          const parsed: unknown = JSON.parse(json);
          const tasks = (parsed as { tasks?: unknown }).tasks;
          return Array.isArray(tasks) ? tasks.length : 0;
        } catch {
          return expected;
        }
      })(),
    );
  });
});

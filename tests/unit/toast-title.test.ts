import { describe, expect, it } from "vitest";
import { taskChangedMeanwhile, toastTitle } from "@/components/tasks/labels";

describe("a task's title in a toast", () => {
  it("is kept whole up to 60 characters", () => {
    const title = "x".repeat(60);
    expect(toastTitle(title)).toBe(title);
  });

  it("is cut to 60 characters with an ellipsis beyond, spaces before the cut dropped", () => {
    const long = `${"word ".repeat(40)}end`;
    const shown = toastTitle(long);
    expect(shown.length).toBeLessThanOrEqual(60);
    expect(shown).toMatch(/word…$/);
    expect(taskChangedMeanwhile(long, "the board")).toBe(
      `“${shown}” was changed by someone else meanwhile; the board was reloaded.`,
    );
  });
});

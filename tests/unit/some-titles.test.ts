import { describe, expect, it } from "vitest";
import { someTitles } from "@/lib/text/some-titles";

describe("someTitles", () => {
  it("quotes up to three titles", () => {
    expect(someTitles(["One"])).toBe("“One”");
    expect(someTitles(["One", "Two", "Three"])).toBe("“One”, “Two”, “Three”");
  });

  it("counts the rest after the third", () => {
    expect(someTitles(["A", "B", "C", "D", "E"])).toBe("“A”, “B”, “C” and 2 more");
  });
});

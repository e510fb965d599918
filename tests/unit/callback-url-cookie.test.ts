import { describe, expect, it } from "vitest";
import { isUsableCallbackUrl, repairCallbackCookies } from "@/lib/auth/callback-url-cookie";

const BASE = "http://127.0.0.1:3000";

describe("callback-url cookies next-auth would refuse every request for", () => {
  it("reads a callback URL as next-auth does: a path, or an http(s) URL", () => {
    expect(isUsableCallbackUrl("/tasks/5", BASE)).toBe(true);
    expect(isUsableCallbackUrl("https://elsewhere.example/", BASE)).toBe(true);
    expect(isUsableCallbackUrl("http://[::", BASE)).toBe(false);
    expect(isUsableCallbackUrl("javascript:alert(1)", BASE)).toBe(false);
    expect(isUsableCallbackUrl("tasks", BASE)).toBe(false);
  });

  it("drops only the unusable ones, under either cookie name, and keeps every other cookie", () => {
    const header =
      "a=1; next-auth.callback-url=http%3A%2F%2F%5B%3A%3A; b=x=y; __Secure-next-auth.callback-url=nope";
    expect(repairCallbackCookies(header, BASE)).toEqual({
      header: "a=1; b=x=y",
      expire: ["next-auth.callback-url", "__Secure-next-auth.callback-url"],
      keep: [],
    });
  });

  it("keeps the usable value of a name that also came with a broken one, in either order", () => {
    // The broken one planted from a sibling domain; expiring the name would hit the app's own.
    for (const header of [
      "next-auth.callback-url=http%3A%2F%2F%5B%3A%3A; next-auth.callback-url=%2Fboard",
      "next-auth.callback-url=%2Fboard; next-auth.callback-url=http%3A%2F%2F%5B%3A%3A",
    ]) {
      expect(repairCallbackCookies(header, BASE)).toEqual({
        header: "next-auth.callback-url=%2Fboard",
        expire: [],
        keep: [["next-auth.callback-url", "/board"]],
      });
    }
  });

  it("leaves a header alone when its callback URL is usable or absent", () => {
    expect(
      repairCallbackCookies("next-auth.callback-url=%2Ftasks%3Fview%3Dfull; a=1", BASE),
    ).toBeNull();
    expect(repairCallbackCookies("a=1", BASE)).toBeNull();
    expect(repairCallbackCookies(null, BASE)).toBeNull();
  });
});

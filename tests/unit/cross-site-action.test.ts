import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { isCrossSiteAction } from "@/lib/http/cross-site-action";

const action = (headers: Record<string, string>, method = "POST") =>
  new NextRequest("http://127.0.0.1:3000/my-tasks", {
    method,
    headers: { host: "127.0.0.1:3000", "next-action": "7f3a", ...headers },
  });

describe("server actions from another site", () => {
  it("are told apart by their Origin, against the host the request names, as Next does", () => {
    expect(isCrossSiteAction(action({ origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteAction(action({ origin: "null" }))).toBe(true);
    expect(isCrossSiteAction(action({ origin: "http://127.0.0.1:3000" }))).toBe(false);
    // Any address the app is reached at, listed in ALLOWED_HOSTS or not, and behind a proxy.
    expect(
      isCrossSiteAction(action({ origin: "http://192.168.1.10:3000", host: "192.168.1.10:3000" })),
    ).toBe(false);
    expect(
      isCrossSiteAction(
        action({ origin: "https://tasks.example.com", "x-forwarded-host": "tasks.example.com" }),
      ),
    ).toBe(false);
    // A proxy that appends to X-Forwarded-Host: Next reads the first; an empty one is absent.
    const appended = {
      origin: "https://tasks.example.com",
      "x-forwarded-host": "tasks.example.com, 10.0.0.5",
    };
    expect(isCrossSiteAction(action(appended))).toBe(false);
    expect(
      isCrossSiteAction(action({ origin: "http://127.0.0.1:3000", "x-forwarded-host": "" })),
    ).toBe(false);
  });

  it("include a plain HTML form posted to a page, which Next also takes for an action", () => {
    const form = (type: string) =>
      new NextRequest("http://127.0.0.1:3000/my-tasks", {
        method: "POST",
        headers: { host: "127.0.0.1:3000", origin: "https://evil.example", "content-type": type },
      });
    expect(isCrossSiteAction(form("multipart/form-data; boundary=x"))).toBe(true);
    expect(isCrossSiteAction(form("application/x-www-form-urlencoded"))).toBe(true);
    expect(isCrossSiteAction(form("application/json"))).toBe(false);
  });

  it("leave other requests alone: no Origin, not an action, not a POST", () => {
    expect(isCrossSiteAction(action({}))).toBe(false);
    expect(
      isCrossSiteAction(
        new NextRequest("http://127.0.0.1:3000/my-tasks", {
          method: "POST",
          headers: { origin: "https://evil.example", "content-type": "text/plain" },
        }),
      ),
    ).toBe(false);
    expect(isCrossSiteAction(action({ origin: "https://evil.example" }, "GET"))).toBe(false);
  });
});

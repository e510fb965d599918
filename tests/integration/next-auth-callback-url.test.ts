import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/next-auth-options";
import { api } from "../helpers/api";

const BASE = "http://127.0.0.1:3000";

describe("next-auth and callback URLs it cannot read", () => {
  it("answers an unreadable callbackUrl parameter with a 400 of the API's shape", async () => {
    // next-auth reads the last of repeated parameters.
    for (const query of [
      "callbackUrl=http%3A%2F%2F%5B%3A%3A",
      "callbackUrl=%2Fok&callbackUrl=http%3A%2F%2F%5B%3A%3A",
    ]) {
      const res = await api("GET", `/api/auth/session?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body).toEqual({ detail: "callbackUrl must be a path or an http(s) URL." });
    }
  });

  it("sends a sign-in home when its callbackUrl cannot be parsed, as when it is another site", async () => {
    const redirect = authOptions().callbacks!.redirect!;
    const to = (url: string) => redirect({ url, baseUrl: BASE }) as string;
    expect(to("http://127.0.0.1:3000.evil.example/")).toBe(BASE);
    expect(to("https://evil.example/tasks")).toBe(BASE);
    expect(to("/tasks/5?view=full")).toBe(`${BASE}/tasks/5?view=full`);
    expect(to(`${BASE}/board`)).toBe(`${BASE}/board`);
  });
});

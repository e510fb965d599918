import { describe, expect, it } from "vitest";
import { publicUrl } from "@/lib/http/public-url";

const inside = "http://localhost:3000/api/tasks/?page=2";
const at = (headers: Record<string, string>) => publicUrl(new Request(inside, { headers }));

describe("publicUrl", () => {
  it("takes the host and port the client sent", () => {
    expect(at({ host: "etums.example.com" }).href).toBe(
      "http://etums.example.com/api/tasks/?page=2",
    );
    expect(at({ host: "10.0.0.5:8080" }).href).toBe("http://10.0.0.5:8080/api/tasks/?page=2");
    expect(at({ host: "[::1]:3000" }).href).toBe("http://[::1]:3000/api/tasks/?page=2");
  });

  it("says https when the proxy in front reports it", () => {
    expect(at({ host: "etums.example.com", "x-forwarded-proto": "https" }).href).toBe(
      "https://etums.example.com/api/tasks/?page=2",
    );
  });

  it("ignores a Host header that is not a host", () => {
    expect(at({ host: "evil.example/path?x=1" }).href).toBe(inside);
    expect(at({ host: "a b" }).href).toBe(inside);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";

async function ipWithHops(hops: number) {
  vi.stubEnv("TRUSTED_PROXY_HOPS", String(hops));
  vi.resetModules();
  return (await import("@/lib/auth/client-ip")).ipFromForwarded;
}

describe("the caller's address from X-Forwarded-For", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("with no proxy, is the address npm start appended, whatever the client wrote before it", async () => {
    const ipFrom = await ipWithHops(0);
    expect(ipFrom("198.51.100.7", null)).toBe("198.51.100.7");
    expect(ipFrom("203.0.113.1, 203.0.113.2, 198.51.100.7", null)).toBe("198.51.100.7");
  });

  it("behind one proxy, is the address that proxy appended, not the client's own entries", async () => {
    const ipFrom = await ipWithHops(1);
    expect(ipFrom("203.0.113.1, 192.0.2.10, 10.0.0.5", null)).toBe("192.0.2.10");
  });

  it("falls back to the leftmost entry, then X-Real-IP, then unknown", async () => {
    const ipFrom = await ipWithHops(2);
    expect(ipFrom("10.0.0.5", null)).toBe("10.0.0.5");
    expect(ipFrom(null, " 192.0.2.4 ")).toBe("192.0.2.4");
    expect(ipFrom("", null)).toBe("unknown");
  });
});

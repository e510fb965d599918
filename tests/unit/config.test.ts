import { afterEach, describe, expect, it, vi } from "vitest";

async function freshConfig() {
  vi.resetModules();
  return (await import("@/lib/config")).config;
}

describe("configuration", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("refuses to run a production server without its secrets, naming the missing ones", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.stubEnv("JWT_SECRET", "a-real-secret-that-is-long-enough-for-hs256!!");
    const config = await freshConfig();
    expect(() => config()).toThrow(/Missing required secret\(s\) in production: NEXTAUTH_SECRET$/);
  });

  it("refuses to run a production server on the development database default", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "another-real-secret-long-enough-for-hs256!!");
    vi.stubEnv("JWT_SECRET", "a-real-secret-that-is-long-enough-for-hs256!!");
    vi.stubEnv("DATABASE_URL", "");
    let config = await freshConfig();
    expect(() => config()).toThrow(/^Missing required setting in production: DATABASE_URL$/);
    vi.stubEnv("DATABASE_URL", "mysql://etums:pw@db.internal:3306/etums");
    config = await freshConfig();
    expect(config().DATABASE_URL).toBe("mysql://etums:pw@db.internal:3306/etums");
    // Development keeps the default, for a fresh clone.
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("DATABASE_URL", "");
    config = await freshConfig();
    expect(config().DATABASE_URL).toBe("mysql://root@127.0.0.1:3306/etums");
  });

  it("refuses, in production, the development fallbacks that the source publishes", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "dev-only-secret-change-me-0123456789abcdef");
    vi.stubEnv("JWT_SECRET", "dev-only-secret-change-me-0123456789abcdef-jwt");
    const config = await freshConfig();
    expect(() => config()).toThrow(
      /^NEXTAUTH_SECRET, JWT_SECRET: the development fallback published in the source/,
    );
  });

  it("refuses a secret that is a typed pattern, and the same secret for both uses", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "a".repeat(48));
    vi.stubEnv("JWT_SECRET", "a-real-secret-that-is-long-enough-for-hs256!!");
    let config = await freshConfig();
    expect(() => config()).toThrow(/NEXTAUTH_SECRET: too simple: use a random value/);
    vi.stubEnv("NEXTAUTH_SECRET", "a-real-secret-that-is-long-enough-for-hs256!!");
    config = await freshConfig();
    expect(() => config()).toThrow(/JWT_SECRET: must differ from NEXTAUTH_SECRET/);
    vi.stubEnv("NEXTAUTH_SECRET", "another-real-secret-long-enough-for-hs256!!");
    config = await freshConfig();
    expect(() => config()).not.toThrow();
  });

  it("lets `next build` run without secrets: they are read by the server, not baked in", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.stubEnv("JWT_SECRET", "");
    const config = await freshConfig();
    expect(() => config()).not.toThrow();
  });

  it("takes an IANA time zone for TIME_ZONE, UTC unless set, and names a wrong one", async () => {
    vi.stubEnv("TIME_ZONE", undefined);
    expect((await freshConfig())().TIME_ZONE).toBe("UTC");
    vi.stubEnv("TIME_ZONE", "Europe/Paris");
    expect((await freshConfig())().TIME_ZONE).toBe("Europe/Paris");
    vi.stubEnv("TIME_ZONE", "Europe/Atlantis");
    const config = await freshConfig();
    expect(() => config()).toThrow(/TIME_ZONE: expected an IANA time zone name/);
  });

  it("rejects malformed values with the variable's name", async () => {
    vi.stubEnv("RATE_LIMIT_API", "lots");
    const config = await freshConfig();
    expect(() => config()).toThrow(/RATE_LIMIT_API/);
  });

  it.each([
    ["RATE_LIMIT_ANON", "100/0s"],
    ["RATE_LIMIT_API", "0/60s"],
    ["DATABASE_URL", "postgres://root@127.0.0.1:5432/etums"],
    ["DATABASE_URL", "mysql://root@127.0.0.1:3306/etums-prod"],
    ["DATABASE_URL", "mysql://root@127.0.0.1:3306/"],
    ["REDIS_URL", "notaurl"],
    ["REDIS_URL", "http://127.0.0.1:6379"],
    ["DATABASE_POOL_SIZE", "2"],
  ])("refuses %s=%s at start, naming it, instead of failing on first use", async (name, value) => {
    vi.stubEnv(name, value);
    const config = await freshConfig();
    expect(() => config()).toThrow(new RegExp(`${name}: `));
  });

  it("wants both Upstash variables or neither", async () => {
    vi.stubEnv("UPSTASH_REDIS_REST_URL", "https://example.upstash.io");
    const config = await freshConfig();
    expect(() => config()).toThrow(/UPSTASH_REDIS_REST_TOKEN: set both or neither/);
  });

  it("LOG_STDOUT: on by default, 0 turns it off, anything else is refused", async () => {
    let config = await freshConfig();
    expect(config().LOG_STDOUT).toBe(true);
    vi.stubEnv("LOG_STDOUT", "0");
    config = await freshConfig();
    expect(config().LOG_STDOUT).toBe(false);
    vi.stubEnv("LOG_STDOUT", "no");
    config = await freshConfig();
    expect(() => config()).toThrow(/LOG_STDOUT/);
  });
});

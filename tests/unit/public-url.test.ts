import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const inside = "http://localhost:3000/api/tasks/?page=2";

/** The module as a server started with `env` loads it (config is read once). */
async function publicUrlModuleWith(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return import("@/lib/http/public-url");
}

async function publicUrlWith(env: Record<string, string>) {
  const { publicUrl } = await publicUrlModuleWith(env);
  return (headers: Record<string, string>) => publicUrl(new Request(inside, { headers })).href;
}

describe("publicUrl", () => {
  let at: (headers: Record<string, string>) => string;

  beforeEach(async () => {
    at = await publicUrlWith({
      NEXTAUTH_URL: "https://etums.example.com",
      ALLOWED_HOSTS: "api.example.com, .corp.example, 10.0.0.5",
    });
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("takes the host and port the client sent when the app answers as that host", () => {
    // NEXTAUTH_URL gives its own host's scheme, even with no proxy header; not another port's.
    expect(at({ host: "etums.example.com" })).toBe("https://etums.example.com/api/tasks/?page=2");
    expect(at({ host: "etums.example.com." })).toBe("https://etums.example.com./api/tasks/?page=2");
    expect(at({ host: "etums.example.com:3000" })).toBe(
      "http://etums.example.com:3000/api/tasks/?page=2",
    );
    expect(at({ host: "API.example.com:8443" })).toBe(
      "http://api.example.com:8443/api/tasks/?page=2",
    );
    expect(at({ host: "tasks.corp.example" })).toBe("http://tasks.corp.example/api/tasks/?page=2");
    expect(at({ host: "10.0.0.5:8080" })).toBe("http://10.0.0.5:8080/api/tasks/?page=2");
    expect(at({ host: "[::1]:3000" })).toBe("http://[::1]:3000/api/tasks/?page=2");
  });

  it("says https when the proxy in front reports it, in any case", () => {
    expect(at({ host: "etums.example.com", "x-forwarded-proto": "https" })).toBe(
      "https://etums.example.com/api/tasks/?page=2",
    );
    expect(at({ host: "etums.example.com", "x-forwarded-proto": "HTTPS, http" })).toBe(
      "https://etums.example.com/api/tasks/?page=2",
    );
  });

  it("puts the app's own address in the links for a host it does not answer as", () => {
    for (const host of ["evil.example", "etums.example.com.evil.example", "corp.example.evil"]) {
      expect(at({ host })).toBe("https://etums.example.com/api/tasks/?page=2");
    }
    expect(at({ host: "evil.example/path?x=1" })).toBe(
      "https://etums.example.com/api/tasks/?page=2",
    );
    expect(at({ host: "a b" })).toBe("https://etums.example.com/api/tasks/?page=2");
  });

  it("keeps the address it was reached at when no address of its own is configured", async () => {
    const bare = await publicUrlWith({ NEXTAUTH_URL: "", ALLOWED_HOSTS: "" });
    expect(bare({ host: "evil.example" })).toBe(inside);
    expect(bare({ host: "127.0.0.1:3000" })).toBe("http://127.0.0.1:3000/api/tasks/?page=2");
  });

  it("follows any host with ALLOWED_HOSTS=*", async () => {
    const any = await publicUrlWith({ ALLOWED_HOSTS: "*" });
    expect(any({ host: "whatever.example" })).toBe("http://whatever.example/api/tasks/?page=2");
  });
});

describe("isOwnOrigin", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  async function ownOriginWith(env: Record<string, string>) {
    const { isOwnOrigin } = await publicUrlModuleWith(env);
    return (host: string, origin: string) =>
      isOwnOrigin(new Request(inside, { headers: { host } }), origin);
  }

  it("takes the exact address the app was reached at, if it answers as that host", async () => {
    const own = await ownOriginWith({
      NEXTAUTH_URL: "https://etums.example.com",
      ALLOWED_HOSTS: "api.example.com",
    });
    expect(own("api.example.com:8443", "https://api.example.com:8443")).toBe(true);
    expect(own("localhost:3000", "http://localhost:3000")).toBe(true);
    expect(own("whatever.example", "https://etums.example.com")).toBe(true);
    expect(own("api.example.com:8443", "https://api.example.com")).toBe(false);
    // The fully qualified name (a trailing dot) is the same host.
    expect(own("api.example.com.:8443", "https://api.example.com.:8443")).toBe(true);
    expect(own("localhost.:3000", "http://localhost.:3000")).toBe(true);
  });

  it("refuses a page whose Origin matches a Host the app does not answer as (DNS rebinding)", async () => {
    const own = await ownOriginWith({ NEXTAUTH_URL: "https://etums.example.com" });
    expect(own("evil.example", "http://evil.example")).toBe(false);
    expect(own("evil.example:3000", "http://evil.example:3000")).toBe(false);
  });
});

describe("answersAsHost", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  async function answersWith(env: Record<string, string>) {
    const { answersAsHost } = await publicUrlModuleWith(env);
    return (headers: Record<string, string>) => answersAsHost(new Request(inside, { headers }));
  }

  it("answers as NEXTAUTH_URL's host, loopback and ALLOWED_HOSTS, on any port", async () => {
    const answers = await answersWith({
      NEXTAUTH_URL: "https://etums.example.com",
      ALLOWED_HOSTS: "api.example.com, .corp.example",
    });
    for (const host of [
      "etums.example.com",
      "ETUMS.example.com:443",
      "localhost:3000",
      "127.0.0.1",
      "[::1]:3000",
      "api.example.com:8443",
      "corp.example",
      "tasks.corp.example",
      "etums.example.com.",
      "tasks.corp.example.:8443",
    ]) {
      expect(answers({ host }), host).toBe(true);
    }
    // Browsers always send a Host: a request without one is no rebinding page.
    expect(answers({})).toBe(true);
  });

  it("refuses any other host, and a Host that is no host at all", async () => {
    const answers = await answersWith({
      NEXTAUTH_URL: "https://etums.example.com",
      ALLOWED_HOSTS: ".corp.example",
    });
    for (const host of [
      "rebound.example:3000",
      "etums.example.com.evil.example",
      "evilcorp.example",
      "10.0.0.5:3000",
      "evil.example/path",
      "",
    ]) {
      expect(answers({ host }), host).toBe(false);
    }
  });

  it("answers as any host with ALLOWED_HOSTS=*", async () => {
    const answers = await answersWith({ ALLOWED_HOSTS: "*" });
    expect(answers({ host: "whatever.example:8080" })).toBe(true);
  });
});

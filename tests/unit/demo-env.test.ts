import { describe, expect, it } from "vitest";
import { demoEnvironment } from "@/lib/cli/demo-env.mjs";

const SECRETS = { NEXTAUTH_SECRET: "demo-nextauth-secret", JWT_SECRET: "demo-jwt-secret" };

describe("npm run demo's environment", () => {
  it("uses its own secrets and defaults where .env.example's empty values were copied", () => {
    const { env, notice } = demoEnvironment(
      { NEXTAUTH_SECRET: "", JWT_SECRET: "", DATABASE_URL: "", PORT: "" },
      SECRETS,
    );
    expect(env).toMatchObject({
      ...SECRETS,
      DATABASE_URL: "mysql://root@127.0.0.1:3306/etums",
      PORT: "3000",
      NEXTAUTH_URL: "http://127.0.0.1:3000",
    });
    expect(notice).toBeNull();
  });

  it("keeps secrets and a database that are given", () => {
    const given = { NEXTAUTH_SECRET: "a", JWT_SECRET: "b", DATABASE_URL: "mysql://u@db:3306/x" };
    expect(demoEnvironment(given, SECRETS).env).toMatchObject(given);
  });

  it("moves a local NEXTAUTH_URL to PORT when only PORT was changed, and says so", () => {
    const { env, notice } = demoEnvironment(
      { PORT: "3400", NEXTAUTH_URL: "http://127.0.0.1:3000" },
      SECRETS,
    );
    expect(env.NEXTAUTH_URL).toBe("http://127.0.0.1:3400");
    expect(notice).toBe(
      "NEXTAUTH_URL (http://127.0.0.1:3000) names another port than PORT (3400): using http://127.0.0.1:3400.",
    );
    const withPath = demoEnvironment(
      { PORT: "8080", NEXTAUTH_URL: "http://localhost/etums" },
      SECRETS,
    );
    expect(withPath.env.NEXTAUTH_URL).toBe("http://localhost:8080/etums");
  });

  it("leaves a public address alone: a proxy in front may listen on another port", () => {
    const { env, notice } = demoEnvironment(
      { PORT: "3400", NEXTAUTH_URL: "https://tasks.example.com" },
      SECRETS,
    );
    expect(env.NEXTAUTH_URL).toBe("https://tasks.example.com");
    expect(notice).toBeNull();
  });
});

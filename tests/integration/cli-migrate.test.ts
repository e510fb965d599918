import { describe, expect, it } from "vitest";
import { runNpmScript } from "../helpers/npm-script";

/** `npm run db:migrate` against the database `databaseUrl` names. */
function migrateCli(databaseUrl: string) {
  return runNpmScript("db:migrate", [], { env: { ...process.env, DATABASE_URL: databaseUrl } });
}

describe("npm run db:migrate", { timeout: 120_000 }, () => {
  it("migrates the database DATABASE_URL names, and says so", async () => {
    const result = await migrateCli(process.env.DATABASE_URL!);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Database ready: \w+ is migrated\./);
  });

  it("refuses a database name it cannot use in one message, without a stack trace", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = "/etums-with-dashes";
    const result = await migrateCli(url.toString());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'DATABASE_URL: expected a database name of letters, digits and "_"',
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

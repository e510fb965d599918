import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

type Outcome = { code: number; stdout: string; stderr: string };

/** `npm run db:migrate` as a real child process. */
async function migrateCli(databaseUrl: string): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "db:migrate"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
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

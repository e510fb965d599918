import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export type ScriptOutcome = { code: number; stdout: string; stderr: string };

/**
 * `npm run --silent <script> -- <args>` as a real child process, against the test database
 * unless `env` says otherwise; a failure is an outcome (its exit code and output), not a throw.
 */
export async function runNpmScript(
  script: string,
  args: string[] = [],
  { env = process.env, stdin = "" }: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<ScriptOutcome> {
  const argv = ["run", "--silent", script, ...(args.length > 0 ? ["--", ...args] : [])];
  try {
    const child = run("npm", argv, { env, timeout: 60_000 });
    child.child.stdin?.end(stdin);
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

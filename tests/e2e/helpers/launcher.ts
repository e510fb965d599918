import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { E2E_DATABASE_URL } from "../env";

const root = path.resolve(__dirname, "../../..");

/** `npm start`'s launcher as a child process, with its output collected. */
export type Launched = {
  process: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
};

/**
 * Starts `node lib/cli/start.mjs`, or with `viaNpm` the `npm start` that a service manager runs.
 * `unset` names variables the server must not get from this environment (to come from env files).
 */
export function launch(
  env: Record<string, string>,
  { viaNpm = false, unset = [] as string[] } = {},
): Launched {
  const [command, args] = viaNpm ? ["npm", ["start"]] : [process.execPath, ["lib/cli/start.mjs"]];
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: E2E_DATABASE_URL,
    NEXTAUTH_SECRET: "e2e-nextauth-secret-long-enough-0123456789",
    JWT_SECRET: "e2e-jwt-secret-that-is-long-enough-0123456789",
    LOG_FILE: "logs/e2e.log",
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    ...env,
  };
  for (const name of unset) delete childEnv[name];
  const child = spawn(command, args, { cwd: root, env: childEnv });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { process: child, output: () => output, exited };
}

/** Resolves with the exit code, or null (after SIGKILL) when the process outlives `ms`. */
export async function exitWithin(launched: Launched, ms: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      launched.process.kill("SIGKILL");
      resolve(null);
    }, ms);
  });
  const code = await Promise.race([launched.exited, timeout]);
  clearTimeout(timer);
  return code;
}

import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATABASE_URL, E2E_LOG_FILE, E2E_PORT } from "./env";

const PORT = E2E_PORT + 3;
const root = path.resolve(__dirname, "../..");

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

test("npm run dev serves on the PORT of the env files, and stops on SIGTERM", async () => {
  test.setTimeout(90_000);
  // .env.development.local is read by development servers only; one of the developer's is kept aside.
  const envFile = path.join(root, ".env.development.local");
  const kept = `${envFile}.e2e-kept`;
  if (fs.existsSync(envFile)) fs.renameSync(envFile, kept);
  fs.writeFileSync(envFile, `HOST=127.0.0.1\nPORT=${PORT}\n`);
  // The start-up check wants a migrated database: the e2e server's.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: E2E_DATABASE_URL,
    LOG_FILE: E2E_LOG_FILE,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const name of ["PORT", "HOST", "NODE_ENV"]) delete env[name];
  // Its own process group, so that whatever is left of it can be stopped after a failure.
  const dev = spawn("npm", ["run", "dev"], { cwd: root, env, detached: true, stdio: "ignore" });
  const exited = new Promise<number | null>((resolve) => dev.on("exit", resolve));
  try {
    await expect.poll(() => listening(PORT), { timeout: 60_000 }).toBe(true);
    dev.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect.poll(() => listening(PORT), { timeout: 10_000 }).toBe(false);
  } finally {
    try {
      process.kill(-dev.pid!, "SIGKILL");
    } catch {
      // The group is gone already: it stopped as it should.
    }
    fs.rmSync(envFile, { force: true });
    if (fs.existsSync(kept)) fs.renameSync(kept, envFile);
  }
});

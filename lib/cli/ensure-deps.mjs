import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Runs `npm ci` when node_modules is missing or older than package-lock.json. Plain JS: runs before any install. */
export function ensureDependencies(root) {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  const stale = !fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs;
  if (!stale) return;
  console.log("Installing dependencies (npm ci)…");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, SCARF_ANALYTICS: "false" },
  });
  if (result.status !== 0) {
    console.error("npm ci failed; see the output above.");
    process.exit(result.status ?? 1);
  }
}

/**
 * Runs a command with inherited output; exits the process when it fails. A stop (SIGINT, SIGTERM)
 * is passed on and waited for, so that no step (a build, say) outlives the command that ran it.
 */
export async function step(label, command, args, options = {}) {
  console.log(`\n▶ ${label}`);
  const child = spawn(command, args, { stdio: "inherit", ...options });
  const passOn = (signal) => child.kill(signal);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, passOn);
  // A command that cannot start (not installed, not executable) emits "error" instead of "exit".
  const [code, signal] = await new Promise((resolve) => {
    child.once("exit", (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
    child.once("error", (error) => resolve([null, error.code ?? error.message]));
  });
  for (const stop of ["SIGINT", "SIGTERM"]) process.off(stop, passOn);
  if (code !== 0) {
    console.error(`✖ ${label} failed (exit ${code ?? signal}).`);
    process.exit(code ?? 1);
  }
}

// Whether the production build was made from the sources as they are now, so that running
// `npm run demo` (or `npm test`) again starts in seconds instead of rebuilding for minutes.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { step } from "./ensure-deps.mjs";

const STAMP_FILE = "etums-source-fingerprint";
// Files that `next build` never reads: the tests, CI and the docs.
const NOT_BUILD_INPUT = /^(tests|\.ci)\/|\.md$/;
// Read at build time: Next's own variables (public ones, the dist dir, the server actions' key,
// the deployment id…; telemetry aside) and the limits that pages rendered during the build print.
const BUILD_ENV = /^(NEXT_(?!TELEMETRY_DISABLED$)|BULK_MAX_ITEMS$|UPLOAD_MAX_BYTES$)/;
// Next's own env files, git-ignored when local, so not in git's listing; and npm's record of the
// installed packages, which changes with every install that changes node_modules.
const UNLISTED_INPUTS = [
  ".env",
  ".env.production",
  ".env.local",
  ".env.production.local",
  "node_modules/.package-lock.json",
];

/** Where `next build` writes (next.config.mjs reads NEXT_DIST_DIR the same way). */
export function distDirOf(root, env = process.env) {
  return path.join(root, env.NEXT_DIST_DIR || ".next");
}

/** Whether `root` is the top of its own git checkout (not a folder inside another repository). */
function isGitCheckout(root) {
  const top = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd: root, encoding: "utf8" });
  return top.status === 0 && fs.realpathSync(top.stdout.trim()) === fs.realpathSync(root);
}

/**
 * A hash of every file git would commit (tracked, or new and not ignored) that the build reads,
 * of the env files, the installed packages and the build-time variables; null outside a git
 * checkout of its own, where a build is never assumed current.
 */
export function sourceFingerprint(root, env = process.env) {
  if (!isGitCheckout(root)) return null;
  const listing = spawnSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    { cwd: root, encoding: "utf8" },
  );
  if (listing.status !== 0) return null;
  const hash = createHash("sha256");
  const files = listing.stdout.split("\0").filter((file) => file && !NOT_BUILD_INPUT.test(file));
  for (const file of [...new Set([...files, ...UNLISTED_INPUTS])].sort()) {
    const full = path.join(root, file);
    // A file deleted but still in git's index, or an unlisted input that is not there.
    if (!fs.existsSync(full)) continue;
    hash.update(`${file}\0`).update(fs.readFileSync(full)).update("\0");
  }
  const buildEnv = Object.keys(env)
    .filter((name) => BUILD_ENV.test(name))
    .sort()
    .map((name) => `${name}=${env[name]}`);
  return hash.update(buildEnv.join("\0")).digest("hex");
}

/**
 * Whether the build in the dist dir finished and was made from exactly the sources as they are
 * now; `fingerprint` is what to record once a new build has succeeded.
 */
export function buildStatus(root, env = process.env) {
  const fingerprint = sourceFingerprint(root, env);
  const distDir = distDirOf(root, env);
  const stamp = path.join(distDir, STAMP_FILE);
  const current =
    fingerprint !== null &&
    fs.existsSync(path.join(distDir, "BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === fingerprint;
  return { current, fingerprint };
}

/**
 * Records which sources a successful build was made from: the fingerprint taken before it, if
 * nothing changed while it ran (an edit meanwhile may or may not be in the build).
 */
export function recordBuild(root, fingerprintBefore, env = process.env) {
  if (!fingerprintBefore || sourceFingerprint(root, env) !== fingerprintBefore) return;
  fs.writeFileSync(path.join(distDirOf(root, env), STAMP_FILE), fingerprintBefore);
}

/** `next build` unless the build is current, as a step of `npm run demo` or `npm test`. */
export async function buildUnlessCurrent(root, env = process.env) {
  const { current, fingerprint } = buildStatus(root, env);
  if (current) {
    const distDir = path.relative(root, distDirOf(root, env));
    console.log(`\n▶ Production build: ${distDir}/ was built from these sources; not built again`);
    return;
  }
  await step("Production build", path.join(root, "node_modules", ".bin", "next"), ["build"], {
    env: { ...env, NODE_ENV: "production" },
  });
  recordBuild(root, fingerprint, env);
}

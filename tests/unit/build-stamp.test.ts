import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildStatus, recordBuild, sourceFingerprint } from "@/lib/cli/build-stamp.mjs";

let root: string;
const env = { NEXT_PUBLIC_EXAMPLE: "a" };

function write(file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
}

/** A finished build in .next, as `next build` leaves one. */
function finishBuild(): void {
  write(".next/BUILD_ID", "build-1");
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "etums-build-stamp-"));
  expect(spawnSync("git", ["init", "-q"], { cwd: root }).status).toBe(0);
  write(".gitignore", "node_modules/\n.next/\n.next-*/\n.env*.local\n");
  write("app/page.tsx", "export default function Page() {}\n");
  write("README.md", "# readme\n");
  write("tests/unit/a.test.ts", "test\n");
  spawnSync("git", ["add", "."], { cwd: root });
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("the source fingerprint of a build", () => {
  it("changes with what the build reads, committed or not", () => {
    const first = sourceFingerprint(root, env);
    expect(sourceFingerprint(root, env)).toBe(first);

    write("app/page.tsx", "export default function Page() { return null; }\n");
    const edited = sourceFingerprint(root, env);
    expect(edited).not.toBe(first);

    write("lib/new-module.ts", "export const x = 1;\n");
    const added = sourceFingerprint(root, env);
    expect(added).not.toBe(edited);

    write(".env.local", "BULK_MAX_ITEMS=10\n");
    const withEnvFile = sourceFingerprint(root, env);
    expect(withEnvFile).not.toBe(added);

    expect(sourceFingerprint(root, { NEXT_PUBLIC_EXAMPLE: "b" })).not.toBe(withEnvFile);
  });

  it("changes with the installed packages and with any of Next's own variables", () => {
    const first = sourceFingerprint(root, env);
    write("node_modules/.package-lock.json", '{"packages": {}}');
    const installed = sourceFingerprint(root, env);
    expect(installed).not.toBe(first);
    expect(sourceFingerprint(root, { ...env, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "k" })).not.toBe(
      installed,
    );
  });

  it("ignores the tests, the docs and what git ignores", () => {
    const first = sourceFingerprint(root, env);
    write("tests/unit/a.test.ts", "another test\n");
    write("README.md", "# another readme\n");
    write("node_modules/pkg/index.js", "module.exports = 1;\n");
    write(".next/cache/file", "cached\n");
    expect(sourceFingerprint(root, { ...env, DATABASE_URL: "mysql://elsewhere/db" })).toBe(first);
  });

  it("is not taken outside a git checkout, where a build is never assumed current", () => {
    fs.rmSync(path.join(root, ".git"), { recursive: true, force: true });
    finishBuild();
    expect(sourceFingerprint(root, env)).toBeNull();
    expect(buildStatus(root, env)).toEqual({ current: false, fingerprint: null });
  });

  it("is not taken in a folder of another repository, which may ignore the app's files", () => {
    const outer = fs.mkdtempSync(path.join(os.tmpdir(), "etums-outer-"));
    try {
      expect(spawnSync("git", ["init", "-q"], { cwd: outer }).status).toBe(0);
      fs.writeFileSync(path.join(outer, ".gitignore"), "app/\n");
      const nested = path.join(outer, "app");
      fs.mkdirSync(path.join(nested, "src"), { recursive: true });
      fs.writeFileSync(path.join(nested, "src", "page.tsx"), "one\n");
      expect(sourceFingerprint(nested, env)).toBeNull();
    } finally {
      fs.rmSync(outer, { recursive: true, force: true });
    }
  });
});

describe("whether a build is current", () => {
  it("is not, without a finished build or without its record", () => {
    const { current, fingerprint } = buildStatus(root, env);
    expect(current).toBe(false);
    write(".next/etums-source-fingerprint", fingerprint!);
    expect(buildStatus(root, env).current).toBe(false);
    finishBuild();
    expect(buildStatus(root, env).current).toBe(true);
  });

  it("is, after a build is recorded, until a source changes", () => {
    const { fingerprint } = buildStatus(root, env);
    finishBuild();
    recordBuild(root, fingerprint, env);
    expect(buildStatus(root, env).current).toBe(true);

    write("app/page.tsx", "changed\n");
    expect(buildStatus(root, env).current).toBe(false);
  });

  it("is not recorded when a source changed while the build ran", () => {
    const { fingerprint } = buildStatus(root, env);
    finishBuild();
    write("app/page.tsx", "edited during the build\n");
    recordBuild(root, fingerprint, env);
    expect(fs.existsSync(path.join(root, ".next", "etums-source-fingerprint"))).toBe(false);
    expect(buildStatus(root, env).current).toBe(false);
  });

  it("follows NEXT_DIST_DIR", () => {
    const elsewhere = { ...env, NEXT_DIST_DIR: ".next-other" };
    const { fingerprint } = buildStatus(root, elsewhere);
    write(".next-other/BUILD_ID", "build-2");
    recordBuild(root, fingerprint, elsewhere);
    expect(buildStatus(root, elsewhere).current).toBe(true);
    expect(buildStatus(root, env).current).toBe(false);
  });
});

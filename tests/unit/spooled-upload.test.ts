import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeStaleSpools, spoolUpload } from "@/lib/http/spooled-upload";

const savedTmpdir = process.env.TMPDIR;
const systemTmpdir = os.tmpdir();
const created: string[] = [];

/** A private TMPDIR for one test, so that only its own spools are seen. */
function privateTmpdir(): string {
  const directory = mkdtempSync(path.join(systemTmpdir, "spool-test-"));
  process.env.TMPDIR = directory;
  created.push(directory);
  return directory;
}

async function* chunks(...parts: string[]) {
  for (const part of parts) yield Buffer.from(part);
}

async function readAll(bytes: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const part of bytes) parts.push(part);
  return Buffer.concat(parts).toString("utf8");
}

afterEach(() => {
  for (const directory of created.splice(0)) rmSync(directory, { recursive: true, force: true });
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
});

describe("spoolUpload", () => {
  it("keeps the upload whole on disk, readable again, until it is removed", async () => {
    const tmp = privateTmpdir();
    const spooled = await spoolUpload(chunks("title,description\n", "A,B\n"));
    expect(await readAll(spooled.bytes())).toBe("title,description\nA,B\n");
    expect(await readAll(spooled.bytes())).toBe("title,description\nA,B\n");
    await spooled.remove();
    expect(readdirSync(tmp)).toEqual([]);
  });

  it("rethrows the source's failure with nothing left on disk", async () => {
    const tmp = privateTmpdir();
    async function* failing() {
      yield Buffer.from("title\n");
      throw new Error("the client went away");
    }
    await expect(spoolUpload(failing())).rejects.toThrow("the client went away");
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe("removeStaleSpools", () => {
  it("removes spools older than a day and leaves fresh ones and other files alone", async () => {
    const tmp = privateTmpdir();
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    for (const name of ["etums-upload-old", "etums-upload-fresh", "someone-else-old"]) {
      mkdirSync(path.join(tmp, name));
    }
    utimesSync(path.join(tmp, "etums-upload-old"), twoDaysAgo, twoDaysAgo);
    utimesSync(path.join(tmp, "someone-else-old"), twoDaysAgo, twoDaysAgo);
    expect(await removeStaleSpools(tmp)).toBe(1);
    expect(readdirSync(tmp).sort()).toEqual(["etums-upload-fresh", "someone-else-old"]);
  });
});

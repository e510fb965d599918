import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";

const SPOOL_PREFIX = "etums-upload-";
/** No import runs this long: an older spool was left by a server that stopped mid-import. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** An upload received whole onto disk, read back as often as needed, removed when done. */
export type SpooledUpload = {
  bytes: () => AsyncIterable<Uint8Array>;
  remove: () => Promise<void>;
};

/**
 * Copies an upload to a private temporary file (as Django spools large uploads), so whatever reads
 * it next runs at the disk's pace, not the client's: a slow or stalled sender can never keep a
 * database transaction open. Memory stays flat; a failure of the source (a 413 mid-stream) is
 * rethrown with the file already gone.
 */
export async function spoolUpload(source: AsyncIterable<Uint8Array>): Promise<SpooledUpload> {
  const directory = await mkdtemp(path.join(os.tmpdir(), SPOOL_PREFIX));
  const remove = () => rm(directory, { recursive: true, force: true });
  const file = path.join(directory, "upload");
  try {
    await pipeline(source, createWriteStream(file, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { bytes: () => createReadStream(file), remove };
}

/** Removes the spools a crashed or killed server left in `directory`; returns how many. */
export async function removeStaleSpools(
  directory = os.tmpdir(),
  now = Date.now(),
): Promise<number> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(SPOOL_PREFIX)) continue;
    const spool = path.join(directory, entry.name);
    const modified = await stat(spool).then(
      (s) => s.mtimeMs,
      () => now,
    );
    if (now - modified < STALE_AFTER_MS) continue;
    await rm(spool, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

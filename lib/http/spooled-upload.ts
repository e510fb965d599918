import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";

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
  const directory = await mkdtemp(path.join(os.tmpdir(), "etums-upload-"));
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

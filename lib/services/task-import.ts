import { countOf } from "@/lib/text/count-of";
import { createHash } from "node:crypto";
import { db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { config } from "@/lib/config";
import { readCsvRecords, TooManyLinesError } from "@/lib/csv/records";
import { decodeUtf8, InvalidUtf8Error } from "@/lib/csv/utf8";
import { badRequest, forbidden, payloadTooLarge } from "@/lib/http/errors";
import { spoolUpload } from "@/lib/http/spooled-upload";
import type { CsvColumnMapping } from "@/lib/validation/bulk-csv";
import { ConcurrencyLimit } from "./concurrency-limit";
import { CsvImport, csvRowErrorsBody } from "./csv-import";
import { lastImportOfSameFile } from "./imported-tasks";
import {
  commitWithResponse,
  findStoredKey,
  isDuplicateKey,
  replayAfterRace,
  replayStored,
  type IdempotencyScope,
  type StoredResponse,
} from "./idempotency";
import { retryOrBusy } from "./transaction";
import { hashOnly, inspectBytes, throttled } from "./upload-streams";
import { withoutInvisibleFormat } from "@/lib/validation/visible-text";

export const BULK_UPLOAD_ENDPOINT = "tasks.bulk-upload";

/** `columns`: which of the file's columns feeds each of ours, when its names differ. */
export type UploadSource = {
  fileName: string;
  bytes: AsyncIterable<Uint8Array>;
  columns?: CsvColumnMapping | null;
};

export type ImportOptions = { dryRun: boolean; idempotencyKey: string | null };

/**
 * Imports writing at once per process. Each holds a pooled connection for its whole transaction;
 * the cap leaves most of the pool (10) to everyone else, and the rest wait their turn.
 */
const importSlots = new ConcurrencyLimit(3);
/** Dry runs checking at once per process: each keeps a core busy while it parses. */
const checkSlots = new ConcurrencyLimit(2);

/** The file's name as the activity trail shows it: nothing in it may hide or reorder the rest. */
function cleanFileName(raw: string): string {
  const base = withoutInvisibleFormat(raw).split(/[\\/]/).pop()?.trim() ?? "";
  return Array.from(base || "upload.csv")
    .slice(0, 255)
    .join("");
}

/** What a retry must repeat to be the same request: the file, and how its columns are read. */
function requestHashOf(checksum: string, mapping: CsvColumnMapping | null): string {
  if (!mapping) return checksum;
  const canonical = JSON.stringify(Object.entries(mapping).sort(([a], [b]) => a.localeCompare(b)));
  return createHash("sha256").update(`${checksum}\n${canonical}`).digest("hex");
}

/** 403 for a role that may not import: the route asks before reading its query, headers and file. */
export function assertMayImport(actor: Actor): void {
  if (!can(actor, "task.import")) throw forbidden();
}

/**
 * POST /api/tasks/bulk-upload/: a CSV of tasks (see lib/validation/bulk-csv.ts), all or nothing.
 * Any bad row → 400 {detail, errors:[{line, column, value, message}], total_errors}; a dry run
 * checks everything and writes nothing. Each import is recorded in task_imports (file name, rows,
 * SHA-256) with one TASK_IMPORTED activity event, and its tasks carry its import_id.
 * The upload is opened only after the permission check.
 */
export async function importTasksCsv(
  actor: Actor,
  openUpload: () => Promise<UploadSource>,
  options: ImportOptions,
): Promise<StoredResponse> {
  assertMayImport(actor);
  const upload = await openUpload();
  const keyScope =
    options.idempotencyKey && !options.dryRun
      ? { userId: actor.id, endpoint: BULK_UPLOAD_ENDPOINT, key: options.idempotencyKey }
      : null;
  const stored = keyScope ? await findStoredKey(db(), keyScope) : null;
  const mapping = upload.columns ?? null;
  if (stored) return replayStored(stored, requestHashOf(await hashOnly(upload.bytes), mapping));

  const fileName = cleanFileName(upload.fileName);
  // Received whole first, so that a slot (and an import's transaction, with the rows it locks)
  // is never held waiting on the network.
  const spooled = await spoolUpload(upload.bytes);
  try {
    if (options.dryRun) {
      return await checkSlots.run(() =>
        importRows(actor, { fileName, mapping }, spooled.bytes(), options, null),
      );
    }
    // Undone to break a deadlock, the import runs again from the file it has kept.
    return await retryOrBusy(
      () =>
        importSlots.run(() =>
          importRows(actor, { fileName, mapping }, spooled.bytes(), options, keyScope),
        ),
      "The import kept colliding with other changes and was undone; nothing was imported. Send it again.",
    );
  } finally {
    await spooled.remove();
  }
}

/** Parses, checks and (unless a dry run) stores the rows of `bytes` in one transaction. */
async function importRows(
  actor: Actor,
  { fileName, mapping }: { fileName: string; mapping: CsvColumnMapping | null },
  bytes: AsyncIterable<Uint8Array>,
  options: ImportOptions,
  keyScope: Omit<IdempotencyScope, "requestHash"> | null,
): Promise<StoredResponse> {
  const run = new CsvImport(actor, fileName, options.dryRun, mapping);
  const hash = createHash("sha256");
  let checksum = "";
  try {
    try {
      const text = decodeUtf8(inspectBytes(bytes, hash));
      await readCsvRecords(throttled(text, run), run.accept, config().UPLOAD_MAX_LINES);
    } catch (error) {
      if (error instanceof InvalidUtf8Error) {
        const problem = { line: error.line, column: null, value: null, message: error.message };
        throw badRequest(error.message, csvRowErrorsBody([problem], 1));
      }
      if (error instanceof TooManyLinesError) {
        throw payloadTooLarge(
          `The file exceeds the upload limit of ${error.maxLines.toLocaleString("en-US")} lines; split it into smaller files.`,
        );
      }
      throw error;
    }
    await run.settle();
    run.assertValid();
    checksum = hash.digest("hex");
    if (options.dryRun) {
      return {
        status: 200,
        body: {
          created: 0,
          rows: run.rows,
          import_id: null,
          dry_run: true,
          message: `Dry run: ${countOf(run.rows, "task")} would be uploaded; nothing was written.`,
          same_file_imported: await lastImportOfSameFile(actor, checksum),
          assignees: run.assigneeSummary(),
        },
        replayed: false,
      };
    }
    const importId = await run.finish(checksum);
    const response = {
      status: 201,
      body: {
        created: run.created,
        rows: run.rows,
        import_id: importId,
        dry_run: false,
        message: `${countOf(run.created, "task")} uploaded successfully`,
      },
    };
    const requestHash = requestHashOf(checksum, mapping);
    const scope: IdempotencyScope | null = keyScope ? { ...keyScope, requestHash } : null;
    await commitWithResponse(run.transaction, scope, response);
    return { ...response, replayed: false };
  } catch (error) {
    await run.close();
    if (keyScope && isDuplicateKey(error)) {
      return replayAfterRace(db(), { ...keyScope, requestHash: requestHashOf(checksum, mapping) });
    }
    throw error;
  }
}

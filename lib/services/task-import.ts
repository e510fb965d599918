import { setImmediate } from "node:timers/promises";
import { createHash, type Hash } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { taskImports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { readCsvRecords, type CsvRecord } from "@/lib/csv/records";
import { decodeUtf8, InvalidUtf8Error } from "@/lib/csv/utf8";
import { badRequest, forbidden } from "@/lib/http/errors";
import { spoolUpload } from "@/lib/http/spooled-upload";
import {
  CSV_REQUIRED_COLUMNS,
  checkCsvRow,
  checkHeader,
  type CsvColumnMapping,
  type AssigneeRef,
  type CsvHeader,
  type CsvTask,
} from "@/lib/validation/bulk-csv";
import { recordActivity } from "./activity";
import { lockActingUser } from "./acting-user";
import { AssigneeDirectory } from "./bulk-assignees";
import { ConcurrencyLimit } from "./concurrency-limit";
import { echoValue, ErrorLog, MAX_REPORTED_ERRORS } from "./bulk-errors";
import { BulkTransaction, INSERT_BATCH_ROWS, type TaskInsertRow } from "./bulk-transaction";
import { retryOrBusy } from "./transaction";
import {
  commitWithResponse,
  findStoredKey,
  isDuplicateKey,
  replayAfterRace,
  replayStored,
  type IdempotencyScope,
  type StoredResponse,
} from "./idempotency";

export const BULK_UPLOAD_ENDPOINT = "tasks.bulk-upload";

export type CsvRowError = {
  line: number;
  column: string | null;
  value: string | null;
  message: string;
};

/** `columns`: which of the file's columns feeds each of ours, when its names differ. */
export type UploadSource = {
  fileName: string;
  bytes: AsyncIterable<Uint8Array>;
  columns?: CsvColumnMapping | null;
};

export type ImportOptions = { dryRun: boolean; idempotencyKey: string | null };

/** A row waiting for its assignee lookup; `task` is null when only the assignee is checked. */
type PendingRow = { line: number; assignee: AssigneeRef; task: CsvTask | null };

const NUL = 0;

/** Batches parsed ahead of the database at most; beyond that, reading the upload pauses. */
const MAX_QUEUED_BATCHES = 4;
/** Text parsed per turn of the event loop: a few milliseconds of papaparse. */
const PARSE_SLICE_CHARS = 256 * 1024;
/**
 * Imports writing at once per process. Each holds a pooled connection for its whole transaction;
 * the cap leaves most of the pool (10) to everyone else, and the rest wait their turn.
 */
const importSlots = new ConcurrencyLimit(3);

/** Hashes and checks the raw bytes on their way to the decoder: NUL never occurs in CSV text. */
async function* inspectBytes(source: AsyncIterable<Uint8Array>, hash: Hash) {
  for await (const chunk of source) {
    if (chunk.indexOf(NUL) !== -1) {
      throw badRequest("This file is binary, not CSV text; upload a .csv file saved as UTF-8.");
    }
    hash.update(chunk);
    yield chunk;
  }
}

/**
 * Pulls the next text only when the import has room, so memory stays flat, and lets the event
 * loop run between slices of it: a file already on disk or in memory otherwise parses start to
 * end in one turn, and every other request of the process waits for it.
 */
async function* throttled(text: AsyncIterable<string>, run: CsvImport): AsyncGenerator<string> {
  for await (const chunk of text) {
    for (let at = 0; at < chunk.length; at += PARSE_SLICE_CHARS) {
      await run.roomForMore();
      await setImmediate();
      yield chunk.slice(at, at + PARSE_SLICE_CHARS);
    }
  }
}

function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop()?.trim() ?? "";
  return (base || "upload.csv").slice(0, 255);
}

/**
 * One CSV upload: rows are parsed and checked as they stream in; each full batch then has its
 * assignees resolved (one query) and, while the file is still clean, is inserted inside one
 * transaction, so the database works while the rest of the file parses. The first bad row stops
 * the inserts (the transaction is rolled back at the end) but checking goes on to report every row.
 */
class CsvImport {
  private header: CsvHeader | null = null;
  private pending: PendingRow[] = [];
  private readonly errors = new ErrorLog<CsvRowError>();
  private readonly assigneeErrors = new ErrorLog<CsvRowError>();
  private readonly directory: AssigneeDirectory;
  private readonly tx = new BulkTransaction();
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private stopped = false;
  private queued = 0;
  private waitingForRoom: (() => void)[] = [];
  private importId: number | null = null;
  rows = 0;
  created = 0;

  constructor(
    private readonly actor: Actor,
    private readonly fileName: string,
    private readonly dryRun: boolean,
    private readonly mapping: CsvColumnMapping | null,
  ) {
    this.directory = new AssigneeDirectory(actor);
  }

  get transaction(): BulkTransaction {
    return this.tx;
  }

  get hasErrors(): boolean {
    return this.errors.total + this.assigneeErrors.total > 0;
  }

  /** Called synchronously by the CSV reader for each parsed chunk of records. */
  accept = (records: CsvRecord[]): void => {
    for (const record of records) {
      if (!this.header) {
        this.header = this.readHeader(record);
        continue;
      }
      this.rows += 1;
      if (record.problem) {
        this.errors.add({ line: record.line, column: null, value: null, message: record.problem });
        continue;
      }
      const { task, assignee, problems } = checkCsvRow(record.cells, this.header);
      for (const p of problems) {
        this.errors.add({ line: record.line, ...p, value: echoValue(p.value) });
      }
      if (task || assignee) this.pending.push({ line: record.line, assignee, task });
      if (this.pending.length >= INSERT_BATCH_ROWS) this.flush();
    }
  };

  private readHeader(record: CsvRecord): CsvHeader {
    const checked = checkHeader(record.cells, this.mapping);
    if (!checked.ok) {
      throw badRequest(checked.message, {
        errors: [{ line: record.line, column: null, value: null, message: checked.message }],
      });
    }
    return checked;
  }

  /** Hands the pending rows to the database chain; runs after earlier batches, never alongside. */
  flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.queued += 1;
    this.chain = this.chain
      .then(() => (this.failure || this.stopped ? undefined : this.store(batch)))
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.queued -= 1;
        if (this.queued <= MAX_QUEUED_BATCHES)
          this.waitingForRoom.splice(0).forEach((wake) => wake());
      });
  }

  /** Resolves once few enough batches wait for the database: backpressure on the upload stream. */
  async roomForMore(): Promise<void> {
    while (this.queued > MAX_QUEUED_BATCHES) {
      await new Promise<void>((resolve) => this.waitingForRoom.push(resolve));
    }
  }

  private async store(batch: PendingRow[]): Promise<void> {
    // Rows still to be written have their assignees locked in the import's transaction.
    const writing = !this.dryRun && !this.hasErrors && !this.stopped;
    const onTransaction = writing || this.tx.started;
    if (onTransaction && !this.tx.started) await lockActingUser(await this.tx.orm(), this.actor);
    await this.directory.load(
      batch.map((row) => row.assignee),
      onTransaction ? await this.tx.orm() : db(),
      { lock: onTransaction },
    );
    const rows: TaskInsertRow[] = [];
    for (const { line, assignee, task } of batch) {
      const resolved = this.directory.resolve(assignee);
      if ("problem" in resolved) {
        const ref = assignee!;
        const value = "id" in ref ? String(ref.id) : ref.email;
        this.assigneeErrors.add({ line, column: "assigned_to", value, message: resolved.problem });
        continue;
      }
      if (!task) continue;
      rows.push([
        task.title,
        task.description,
        task.status,
        task.priority,
        task.dueDate,
        resolved.id,
        this.actor.id,
        null,
      ]);
    }
    if (this.dryRun || this.hasErrors || this.stopped) return;
    const importId = await this.ensureImportRecord();
    for (const row of rows) row[7] = importId;
    this.created += (await this.tx.insertTasks(rows)).count;
  }

  /** The task_imports row the tasks point to, written in the same transaction (counts come last). */
  private async ensureImportRecord(): Promise<number> {
    if (this.importId !== null) return this.importId;
    const orm = await this.tx.orm();
    const [row] = await orm
      .insert(taskImports)
      .values({ userId: this.actor.id, fileName: this.fileName, rowCount: 0, checksum: "" })
      .$returningId();
    this.importId = row!.id;
    return this.importId;
  }

  /** Waits for the database chain; rethrows the first database failure. */
  async settle(): Promise<void> {
    this.flush();
    await this.chain;
    if (this.failure) throw this.failure;
  }

  /** Stops further batches, waits for the one in flight, and undoes everything not committed. */
  async close(): Promise<void> {
    this.stopped = true;
    await this.chain;
    await this.tx.rollback();
  }

  assertValid(): void {
    if (!this.header) {
      throw badRequest(
        `The file is empty; expected a header row: ${CSV_REQUIRED_COLUMNS.join(", ")}.`,
      );
    }
    if (this.rows === 0) throw badRequest("The file has a header but no task rows.");
    if (!this.hasErrors) return;
    const errors = [...this.errors.items, ...this.assigneeErrors.items]
      .sort((a, b) => a.line - b.line)
      .slice(0, MAX_REPORTED_ERRORS);
    const total = this.errors.total + this.assigneeErrors.total;
    throw badRequest(
      `The file has ${total} error(s) in ${this.rows} row(s); nothing was imported.`,
      { errors, total_errors: total },
    );
  }

  /** Completes the import record and its TASK_IMPORTED event; returns the import id. */
  async finish(checksum: string): Promise<number> {
    const importId = await this.ensureImportRecord();
    const orm = await this.tx.orm();
    await orm
      .update(taskImports)
      .set({ rowCount: this.created, checksum })
      .where(eq(taskImports.id, importId));
    await recordActivity(orm, [
      {
        kind: "TASK_IMPORTED",
        actorId: this.actor.id,
        importId,
        field: "file_name",
        toValue: `${this.fileName} (${this.created} tasks)`,
      },
    ]);
    return importId;
  }
}

async function hashOnly(bytes: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of bytes) hash.update(chunk);
  return hash.digest("hex");
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
  // A dry run writes nothing and may read at the client's pace; an import is received whole
  // first, so its transaction (and the rows it locks) never waits on the network.
  if (options.dryRun) return importRows(actor, { fileName, mapping }, upload.bytes, options, null);
  const spooled = await spoolUpload(upload.bytes);
  try {
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
      await readCsvRecords(throttled(text, run), run.accept);
    } catch (error) {
      if (error instanceof InvalidUtf8Error) {
        const errors = [{ line: error.line, column: null, value: null, message: error.message }];
        throw badRequest(error.message, { errors, total_errors: 1 });
      }
      throw error;
    }
    await run.settle();
    run.assertValid();
    if (options.dryRun) {
      return {
        status: 200,
        body: {
          created: 0,
          rows: run.rows,
          import_id: null,
          dry_run: true,
          message: `Dry run: ${run.rows} tasks would be uploaded; nothing was written.`,
        },
        replayed: false,
      };
    }
    checksum = hash.digest("hex");
    const importId = await run.finish(checksum);
    const response = {
      status: 201,
      body: {
        created: run.created,
        rows: run.rows,
        import_id: importId,
        dry_run: false,
        message: `${run.created} tasks uploaded successfully`,
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

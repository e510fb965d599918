import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { taskImports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { CsvRecord } from "@/lib/csv/records";
import { badRequest } from "@/lib/http/errors";
import {
  CSV_REQUIRED_COLUMNS,
  checkCsvRow,
  checkHeader,
  type AssigneeRef,
  type CsvColumn,
  type CsvColumnMapping,
  type CsvHeader,
  type CsvTask,
} from "@/lib/validation/bulk-csv";
import type { AssigneeSummary } from "@/lib/validation/bulk-create";
import { countOf } from "@/lib/text/count-of";
import { lockActingUser } from "./acting-user";
import { recordActivity } from "./activity";
import { AssigneeDirectory } from "./bulk-assignees";
import { AssigneeTally } from "./assignee-tally";
import { echoValue, ErrorLog, MAX_REPORTED_ERRORS } from "./bulk-errors";
import { BulkTransaction, INSERT_BATCH_ROWS, type TaskInsertRow } from "./bulk-transaction";

export type CsvRowError = {
  line: number;
  column: CsvColumn | null;
  value: string | null;
  message: string;
};

/**
 * A 400's body for rows at fault. Each error names its column twice: `column`, as the file's header
 * has it (the name the user sees in their spreadsheet, mapped or not), and `field`, ours, as every
 * other validation error of the API names it (DESIGN.md), so that one error handler serves a
 * client's JSON writes and its uploads.
 */
export function csvRowErrorsBody(errors: CsvRowError[], total: number, header?: CsvHeader) {
  return {
    errors: errors.map((error) => ({
      ...error,
      column: nameInFile(error.column, header),
      field: error.column,
    })),
    total_errors: total,
  };
}

/** The header's own spelling of one of our columns (trimmed), or ours where the file has none. */
function nameInFile(column: CsvColumn | null, header: CsvHeader | undefined): string | null {
  if (!header || column === null) return column;
  const index = header.columns[column];
  return index === undefined ? column : (header.names[index] ?? column);
}

/** A row waiting for its assignee lookup; `task` is null when only the assignee is checked. */
type PendingRow = { line: number; assignee: AssigneeRef; task: CsvTask | null };

/** Batches parsed ahead of the database at most; beyond that, reading the upload pauses. */
const MAX_QUEUED_BATCHES = 4;

/**
 * One CSV upload: rows are parsed and checked as they stream in; each full batch then has its
 * assignees resolved (one query) and, while the file is still clean, is inserted inside one
 * transaction, so the database works while the rest of the file parses. The first bad row stops
 * the inserts (the transaction is rolled back at the end) but checking goes on to report every row.
 */
export class CsvImport {
  private header: CsvHeader | null = null;
  private pending: PendingRow[] = [];
  private readonly errors = new ErrorLog<CsvRowError>();
  private readonly assigneeErrors = new ErrorLog<CsvRowError>();
  private readonly directory: AssigneeDirectory;
  private readonly tally = new AssigneeTally();
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
      const error = { line: record.line, column: null, value: null, message: checked.message };
      throw badRequest(checked.message, csvRowErrorsBody([error], 1));
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
      this.tally.add(resolved.id);
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
    this.created += (await this.tx.insertTasks(rows)).length;
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

  /** Who the file's tasks go to: a dry run's report. Call after settle(). */
  assigneeSummary(): AssigneeSummary {
    return this.tally.summary(this.directory);
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
      `${total} ${total === 1 ? "error" : "errors"} found in the file's ${this.rows} ${this.rows === 1 ? "row" : "rows"}; nothing was imported.`,
      csvRowErrorsBody(errors, total, this.header),
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
        toValue: `${this.fileName} (${countOf(this.created, "task")})`,
      },
    ]);
    return importId;
  }
}

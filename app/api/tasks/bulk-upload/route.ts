import { isCsvMediaType } from "@/lib/csv/media-type";
import { config } from "@/lib/config";
import { authedRoute } from "@/lib/http/api-route";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "@/lib/http/json-depth";
import { z } from "zod";
import { badRequest, fieldErrors, unsupportedMediaType, validationError } from "@/lib/http/errors";
import type { CsvColumnMapping } from "@/lib/validation/bulk-csv";
import { csvColumnMappingSchema } from "@/lib/validation/csv-column-mapping";
import { queryBoolean } from "@/lib/validation/query-params";
import { readMultipartFile } from "@/lib/http/multipart-file";
import { replayableResponse } from "@/lib/http/replayable-response";
import { parseIdempotencyKey } from "@/lib/services/idempotency";
import { assertMayImport, importTasksCsv } from "@/lib/services/task-import";
import { refusedMethods } from "@/lib/http/refused-methods";

/** `dry_run` read as every yes/no query value is (any case: Python's requests sends "True"). */
const dryRunQuerySchema = z.object({ dry_run: queryBoolean.optional() });

function parseDryRun(params: URLSearchParams): boolean {
  const parsed = dryRunQuerySchema.safeParse({ dry_run: params.get("dry_run") || undefined });
  if (!parsed.success) throw validationError(parsed.error, "Invalid query parameters.");
  return parsed.data.dry_run ?? false;
}

/** Six names of a spreadsheet's header, with room to spare: a bigger field is not a mapping. */
const MAX_COLUMNS_FIELD_CHARS = 4096;

/** The optional `columns` field: JSON {our column: the file's header name}; empty means none. */
function parseColumnMapping(raw: string | undefined): CsvColumnMapping | null {
  if (raw === undefined || raw.trim() === "") return null;
  let data: unknown;
  try {
    data =
      raw.length > MAX_COLUMNS_FIELD_CHARS || nestsDeeperThan(raw, MAX_JSON_DEPTH)
        ? undefined
        : JSON.parse(raw);
  } catch {
    data = undefined;
  }
  const parsed = csvColumnMappingSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  if (data === undefined) {
    const message = 'columns must be a JSON object such as {"title": "Name"}.';
    throw badRequest(`Invalid columns: ${message}`, { errors: [{ field: "columns", message }] });
  }
  // Each key's error as any JSON body's nested field ("columns.colour"); the mapping's own, "columns".
  const errors = fieldErrors(parsed.error).map(({ field, message }) => ({
    field: field === "non_field_errors" ? "columns" : `columns.${field}`,
    message,
  }));
  const summary = errors.map(({ field, message }) => `${field}: ${message}`).join(" ");
  throw badRequest(`Invalid columns: ${summary}`, { errors });
}

/**
 * POST /api/tasks/bulk-upload/[?dry_run=1], multipart field `file` (CSV) → 201 {created, ...};
 * all or nothing, every bad row named by its line. The body is streamed, never buffered whole.
 *
 * @swagger
 * /api/tasks/bulk-upload/:
 *   post:
 *     summary: Create tasks from a CSV file, all or nothing (managers and admins)
 *     description: >-
 *       Multipart form with a `file` field: a UTF-8 CSV whose header is
 *       `title,description,assigned_to,status` (optional `due_date`, `priority`); `assigned_to` is
 *       a user id or email. A UTF-16 file (Excel's "Unicode Text", starting with its byte order
 *       mark) is refused with a 400 that says so. Empty cells after a row's last column (a
 *       trailing comma) are ignored, as are empty names ending a header read without `columns`.
 *       If any row is invalid nothing is created and the 400 names each row by its `line`.
 *       `?dry_run=1` checks everything and writes nothing (200). Send an `Idempotency-Key` to
 *       retry safely. A file whose column names differ (a spreadsheet's export) can be read as
 *       it is: send a `columns` field before `file`, naming the file's column for each of ours;
 *       the file's other columns are then ignored. One file per request: a second `file` part,
 *       or a `columns` field sent after `file`, is refused with a 400 (the form would otherwise
 *       be misread), and nothing is written. As the export writes a cell starting with =, +,
 *       -, @, tab or CR behind one apostrophe (against formula injection), one apostrophe
 *       before such a start is removed on import.
 *     operationId: bulkUploadTasks
 *     tags: [Bulk]
 *     parameters:
 *       - name: dry_run
 *         in: query
 *         required: false
 *         description: Check the file only; nothing is written. Read in any case (`True` too).
 *         schema: { type: string, enum: ["1", "true", "0", "false"] }
 *       - $ref: '#/components/parameters/IdempotencyKey'
 *     requestBody:
 *       required: true
 *       content:
 *         multipart/form-data:
 *           schema:
 *             type: object
 *             required: [file]
 *             properties:
 *               columns:
 *                 type: string
 *                 default: ""
 *                 description: >-
 *                   Optional, and only before `file` (after it, 400): a JSON object mapping our
 *                   columns to the file's header names, for example `{"title": "Name",
 *                   "description": "Notes", "assigned_to": "Assignee", "status": "State"}`; only
 *                   `title` is required, and a column left out is empty in every row (no
 *                   description, nobody, TODO). Empty or absent: the file's header uses our names.
 *               file: { type: string, format: binary, description: The CSV file (text/csv); one only. }
 *     responses:
 *       "200":
 *         description: Dry run; the file is valid and nothing was written.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/BulkUploadResult' }
 *             example: { created: 0, rows: 3, import_id: null, dry_run: true, message: "Dry run: 3 tasks would be uploaded; nothing was written.", same_file_imported: null, assignees: { people: [{ id: 4, email: emma.employee@example.com, full_name: Emma Employee, tasks: 2 }], more_people: 0, unassigned: 1 } }
 *       "201":
 *         description: Every row became a task.
 *         headers:
 *           Idempotent-Replayed: { description: '`true` when this answer is a replay of an earlier request with the same key.', schema: { type: string } }
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/BulkUploadResult' }
 *             example: { created: 3, rows: 3, import_id: 17, dry_run: false, message: 3 tasks uploaded successfully }
 *       "400":
 *         description: >-
 *           Nothing was created; every bad row is listed, or the form is refused whole (a second
 *           file, `columns` after `file`, a UTF-16 file).
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Error' }
 *             example:
 *               detail: 1 error found in the file's 3 rows; nothing was imported.
 *               errors: [{ line: 3, column: status, field: status, value: FINISHED, message: "Status must be one of TODO, IN_PROGRESS, DONE." }]
 *               total_errors: 1
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "403": { $ref: '#/components/responses/Forbidden' }
 *       "409": { $ref: '#/components/responses/Conflict' }
 *       "413": { $ref: '#/components/responses/PayloadTooLarge' }
 *       "415": { $ref: '#/components/responses/UnsupportedMediaType' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 *       "503":
 *         description: >-
 *           The import collided with other changes and was undone; nothing was imported. Send the
 *           file again after `Retry-After` seconds.
 *         headers:
 *           Retry-After: { description: Seconds to wait before sending again., schema: { type: integer } }
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Error' }
 *             example: { detail: "The import collided with other changes and was undone; nothing was imported. Send it again." }
 */
export const POST = authedRoute(async ({ request, actor }) => {
  assertMayImport(actor);
  const idempotencyKey = parseIdempotencyKey(request.headers);
  const dryRun = parseDryRun(request.nextUrl.searchParams);
  const result = await importTasksCsv(
    actor,
    async () => {
      const file = await readMultipartFile(request, "file", config().UPLOAD_MAX_BYTES, ["columns"]);
      if (!isCsvMediaType(file.mimeType)) {
        throw unsupportedMediaType(`Expected a CSV file (text/csv), got ${file.mimeType}.`);
      }
      return { ...file, columns: parseColumnMapping(file.fieldsBefore.columns) };
    },
    { dryRun, idempotencyKey },
  );
  return replayableResponse(result);
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("POST");

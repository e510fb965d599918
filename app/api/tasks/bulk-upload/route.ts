import { isCsvMediaType } from "@/lib/csv/media-type";
import { config } from "@/lib/config";
import { authedRoute } from "@/lib/http/api-route";
import { badRequest, unsupportedMediaType } from "@/lib/http/errors";
import { readMultipartFile } from "@/lib/http/multipart-file";
import { replayableResponse } from "@/lib/http/replayable-response";
import { parseIdempotencyKey } from "@/lib/services/idempotency";
import { importTasksCsv } from "@/lib/services/task-import";

function parseDryRun(params: URLSearchParams): boolean {
  const value = params.get("dry_run");
  if (value === null || value === "" || value === "0" || value === "false") return false;
  if (value === "1" || value === "true") return true;
  throw badRequest("dry_run must be 1, true, 0 or false.");
}

/**
 * POST /api/tasks/bulk-upload/[?dry_run=1], multipart field `file` (CSV) → 201 {created, ...};
 * all or nothing, every bad row named by its line. The body is streamed, never buffered whole.
 */
export const POST = authedRoute(async ({ request, actor }) => {
  const idempotencyKey = parseIdempotencyKey(request.headers);
  const dryRun = parseDryRun(request.nextUrl.searchParams);
  const result = await importTasksCsv(
    actor,
    async () => {
      const file = await readMultipartFile(request, "file", config().UPLOAD_MAX_BYTES);
      if (!isCsvMediaType(file.mimeType)) {
        throw unsupportedMediaType(`Expected a CSV file (text/csv), got ${file.mimeType}.`);
      }
      return file;
    },
    { dryRun, idempotencyKey },
  );
  return replayableResponse(result);
});

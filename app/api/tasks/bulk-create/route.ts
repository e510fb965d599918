import { z } from "zod";
import { config } from "@/lib/config";
import { authedRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/json-body";
import { replayableResponse } from "@/lib/http/replayable-response";
import { bulkCreateTasks } from "@/lib/services/bulk-create";
import { parseIdempotencyKey } from "@/lib/services/idempotency";

/** POST /api/tasks/bulk-create/ {tasks: [...]} → 201 {created, ids, message}; all or nothing. */
export const POST = authedRoute(async ({ request, actor }) => {
  const key = parseIdempotencyKey(request.headers);
  const result = await bulkCreateTasks(
    actor,
    () => parseJsonBody(request, z.unknown(), config().UPLOAD_MAX_BYTES),
    key,
  );
  return replayableResponse(result);
});

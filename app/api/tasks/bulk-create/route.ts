import { z } from "zod";
import { config } from "@/lib/config";
import { authedRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/json-body";
import { replayableResponse } from "@/lib/http/replayable-response";
import {
  assertFewEnoughTasks,
  assertMayBulkCreate,
  bulkCreateTasks,
} from "@/lib/services/bulk-create";
import { parseIdempotencyKey } from "@/lib/services/idempotency";
import { refusedMethods } from "@/lib/http/refused-methods";

/**
 * POST /api/tasks/bulk-create/ {tasks: [...]} → 201 {created, ids, message}; all or nothing.
 *
 * @swagger
 * /api/tasks/bulk-create/:
 *   post:
 *     summary: Create many tasks at once, all or nothing (managers and admins)
 *     description: >-
 *       Each item is a task as in `POST /api/tasks`. If any item is invalid nothing is created and
 *       the 400 lists every problem by item `index`. Send an `Idempotency-Key` to retry safely.
 *     operationId: bulkCreateTasks
 *     tags: [Bulk]
 *     parameters:
 *       - $ref: '#/components/parameters/IdempotencyKey'
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/BulkCreateTasks' }
 *           example:
 *             tasks:
 *               - { title: Order new laptops, assigned_to: 4, priority: HIGH, due_date: "2026-12-10" }
 *               - { title: Update the onboarding guide }
 *     responses:
 *       "201":
 *         description: Every task was created.
 *         headers:
 *           Idempotent-Replayed: { description: '`true` when this answer is a replay of an earlier request with the same key.', schema: { type: string } }
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/BulkCreateResult' }
 *             example: { created: 2, ids: [101, 102], message: 2 tasks created successfully }
 *       "400":
 *         description: Nothing was created; every invalid item is listed.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Error' }
 *             example:
 *               detail: 1 of 2 tasks are invalid; nothing was created.
 *               errors: [{ index: 1, field: title, message: Title is required. }]
 *               total_errors: 1
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "403": { $ref: '#/components/responses/Forbidden' }
 *       "409": { $ref: '#/components/responses/Conflict' }
 *       "413": { $ref: '#/components/responses/PayloadTooLarge' }
 *       "415": { $ref: '#/components/responses/UnsupportedMediaType' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 *       "503": { $ref: '#/components/responses/Busy' }
 */
export const POST = authedRoute(async ({ request, actor }) => {
  assertMayBulkCreate(actor);
  const key = parseIdempotencyKey(request.headers);
  const result = await bulkCreateTasks(
    actor,
    () =>
      parseJsonBody(request, z.unknown(), {
        limit: config().UPLOAD_MAX_BYTES,
        beforeParse: assertFewEnoughTasks,
      }),
    key,
  );
  return replayableResponse(result);
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("POST");

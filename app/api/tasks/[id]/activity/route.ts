import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { pathIdParam } from "@/lib/http/path-id";
import { listTaskActivity } from "@/lib/services/tasks";
import { refusedMethods } from "@/lib/http/refused-methods";

export const dynamic = "force-dynamic";

/**
 * @swagger
 * /api/tasks/{id}/activity/:
 *   get:
 *     summary: A task's history, oldest first
 *     description: >-
 *       Who changed what, when, from what to what (`actor` null: the system). Visible to whoever
 *       may read the task; a deleted task's history to admins only.
 *     operationId: listTaskActivity
 *     tags: [Tasks]
 *     parameters:
 *       - $ref: '#/components/parameters/TaskId'
 *     responses:
 *       "200":
 *         description: The events.
 *         content:
 *           application/json:
 *             schema:
 *               type: array
 *               items: { $ref: '#/components/schemas/TaskActivityEntry' }
 *             examples: { history: { $ref: '#/components/examples/TaskActivity' } }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "404": { $ref: '#/components/responses/NotFound' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 */
export const GET = authedRoute<{ id: string }>(async ({ params, actor }) =>
  NextResponse.json(await listTaskActivity(actor, pathIdParam(params.id)), {
    headers: { "Cache-Control": "private, no-store" },
  }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("GET");

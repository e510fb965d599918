import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { pathIdParam } from "@/lib/http/path-id";
import { publicUrl } from "@/lib/http/public-url";
import { parseTaskActivityQuery } from "@/lib/validation/task-activity";
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
 *       may read the task; a deleted task's history to admins only. At most `limit` events (1,000)
 *       an answer: when the history goes on, the `Link` header names the next part (`rel="next"`,
 *       with `after` set to the last event's id), as GitHub's API pages.
 *     operationId: listTaskActivity
 *     tags: [Tasks]
 *     x-query-schema: TaskActivityQuery
 *     parameters:
 *       - $ref: '#/components/parameters/TaskId'
 *     responses:
 *       "200":
 *         description: The events.
 *         headers:
 *           Link:
 *             description: '`<…?after=ID&limit=N>; rel="next"` when more events follow; absent at the end.'
 *             schema: { type: string }
 *         content:
 *           application/json:
 *             schema:
 *               type: array
 *               items: { $ref: '#/components/schemas/TaskActivityEntry' }
 *             examples: { history: { $ref: '#/components/examples/TaskActivity' } }
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "404": { $ref: '#/components/responses/NotFound' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 */
export const GET = authedRoute<{ id: string }>(async ({ request, params, actor }) => {
  const taskId = pathIdParam(params.id);
  const query = parseTaskActivityQuery(request.nextUrl.searchParams);
  const { events, more } = await listTaskActivity(actor, taskId, { order: "oldest", ...query });
  const headers: Record<string, string> = { "Cache-Control": "private, no-store" };
  const last = events[events.length - 1];
  if (more && last) {
    const next = publicUrl(request);
    next.search = new URLSearchParams({
      after: String(last.id),
      limit: String(query.limit),
    }).toString();
    headers.Link = `<${next.toString()}>; rel="next"`;
  }
  return NextResponse.json(events, { headers });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("GET");

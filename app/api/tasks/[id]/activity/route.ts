import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { taskIdParam } from "@/lib/http/task-id";
import { listTaskActivity } from "@/lib/services/tasks";

export const dynamic = "force-dynamic";

/**
 * @swagger
 * /api/tasks/{id}/activity/:
 *   get:
 *     summary: A task's history (actor, time, field, from → to), oldest first
 *     tags: [Tasks]
 */
export const GET = authedRoute<{ id: string }>(async ({ params, actor }) =>
  NextResponse.json(await listTaskActivity(actor, taskIdParam(params.id)), {
    headers: { "Cache-Control": "private, no-store" },
  }),
);

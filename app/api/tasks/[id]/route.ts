import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { etagFor, expectedVersionFrom } from "@/lib/http/etag";
import { parseJsonBody } from "@/lib/http/json-body";
import { taskIdParam } from "@/lib/http/task-id";
import { deleteTask, getTask, replaceTask, updateTask } from "@/lib/services/tasks";
import { createTaskSchema, updateTaskSchema, type TaskDto } from "@/lib/validation/tasks";

export const dynamic = "force-dynamic";

type Params = { id: string };

function taskResponse(task: TaskDto): NextResponse {
  return NextResponse.json(task, {
    headers: { ETag: etagFor(task.version), "Cache-Control": "private, no-store" },
  });
}

/**
 * @swagger
 * /api/tasks/{id}/:
 *   get:
 *     summary: One task (404 when absent or outside the caller's view); ETag is its version
 *     tags: [Tasks]
 *   put:
 *     summary: Replace a task's editable fields; If-Match makes it conditional (412 when stale)
 *     tags: [Tasks]
 *   patch:
 *     summary: Change some fields (employees may change only status); If-Match supported
 *     tags: [Tasks]
 *   delete:
 *     summary: Delete a task (creator manager or admin); If-Match supported
 *     tags: [Tasks]
 */
export const GET = authedRoute<Params>(async ({ params, actor }) =>
  taskResponse(await getTask(actor, taskIdParam(params.id))),
);

export const PATCH = authedRoute<Params>(async ({ request, params, actor }) => {
  const id = taskIdParam(params.id);
  const expectedVersion = expectedVersionFrom(request.headers);
  const input = await parseJsonBody(request, updateTaskSchema);
  return taskResponse(await updateTask(actor, id, input, { expectedVersion }));
});

export const PUT = authedRoute<Params>(async ({ request, params, actor }) => {
  const id = taskIdParam(params.id);
  const expectedVersion = expectedVersionFrom(request.headers);
  const input = await parseJsonBody(request, createTaskSchema);
  return taskResponse(await replaceTask(actor, id, input, { expectedVersion }));
});

export const DELETE = authedRoute<Params>(async ({ request, params, actor }) => {
  const id = taskIdParam(params.id);
  await deleteTask(actor, id, { expectedVersion: expectedVersionFrom(request.headers) });
  return new NextResponse(null, { status: 204 });
});

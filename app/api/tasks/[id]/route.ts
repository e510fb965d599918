import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ApiError } from "@/lib/http/errors";
import { authedRoute } from "@/lib/http/api-route";
import { etagFor, expectedVersionsFrom } from "@/lib/http/etag";
import { parseJsonBody } from "@/lib/http/json-body";
import { pathIdParam } from "@/lib/http/path-id";
import { deleteTask, getTask, replaceTask, taskWriteBody, updateTask } from "@/lib/services/tasks";
import { replaceTaskSchema, updateTaskSchema, type TaskDto } from "@/lib/validation/tasks";
import { refusedMethods } from "@/lib/http/refused-methods";

export const dynamic = "force-dynamic";

type Params = { id: string };

/**
 * The body of a PATCH or PUT of task `id`. A body refused (400, 415) for a task the caller cannot
 * see is a 404 instead, as DRF looked the task up before reading the body: a client learns the
 * task is gone, not that its body was wrong. The lookup runs only on that refusal.
 */
async function taskWriteInput<S extends z.ZodType>(
  request: NextRequest,
  schema: S,
  actor: Actor,
  id: number,
): Promise<z.infer<S>> {
  try {
    return await parseJsonBody(request, schema, {
      beforeValidation: (body) => taskWriteBody(actor, id, body),
    });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 400 || error.status === 415)) {
      await getTask(actor, id);
    }
    throw error;
  }
}

function taskResponse(task: TaskDto): NextResponse {
  return NextResponse.json(task, {
    headers: { ETag: etagFor(task.version), "Cache-Control": "private, no-store" },
  });
}

/**
 * @swagger
 * /api/tasks/{id}/:
 *   get:
 *     summary: Read one task
 *     description: 404 both when it does not exist and when it is outside what you may see.
 *     operationId: getTask
 *     tags: [Tasks]
 *     parameters:
 *       - $ref: '#/components/parameters/TaskId'
 *     responses:
 *       "200":
 *         description: The task; `ETag` is its version.
 *         headers:
 *           ETag: { description: 'The version, e.g. `"3"`: send it as `If-Match`.', schema: { type: string } }
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Task' }
 *             examples: { task: { $ref: '#/components/examples/Task' } }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "404": { $ref: '#/components/responses/NotFound' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 */
export const GET = authedRoute<Params>(async ({ params, actor }) =>
  taskResponse(await getTask(actor, pathIdParam(params.id))),
);

/**
 * @swagger
 * /api/tasks/{id}/:
 *   patch:
 *     summary: Change some fields of a task
 *     description: >-
 *       Admins: any task; managers: tasks they created (status also of tasks assigned to them);
 *       employees: only the `status` of tasks assigned to them (any other field, read-only ones
 *       included, is 403 "You can only update task status."). The read-only fields of a task (`id`,
 *       `created_by`, `version`, `created_at`, …) are ignored, so a task can be sent back as GET
 *       returned it; any other unknown field is 400. With `If-Match`, 412 when someone changed it
 *       since. Every accepted write is one step of the task's history: it advances `version` (the
 *       `ETag`) and adds an activity row, even when the values sent are the ones it had, so that
 *       writes racing each other are each recorded and none is lost.
 *     operationId: updateTask
 *     tags: [Tasks]
 *     parameters:
 *       - $ref: '#/components/parameters/TaskId'
 *       - $ref: '#/components/parameters/IfMatch'
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/TaskUpdate' }
 *           example: { status: DONE }
 *     responses:
 *       "200":
 *         description: The changed task; `ETag` is its new version.
 *         headers:
 *           ETag: { description: The new version., schema: { type: string } }
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Task' }
 *             examples: { task: { $ref: '#/components/examples/Task' } }
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "403": { $ref: '#/components/responses/Forbidden' }
 *       "404": { $ref: '#/components/responses/NotFound' }
 *       "412": { $ref: '#/components/responses/PreconditionFailed' }
 *       "413": { $ref: '#/components/responses/PayloadTooLarge' }
 *       "415": { $ref: '#/components/responses/UnsupportedMediaType' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 *       "503": { $ref: '#/components/responses/Busy' }
 */
export const PATCH = authedRoute<Params>(async ({ request, params, actor }) => {
  const id = pathIdParam(params.id);
  const expectedVersions = expectedVersionsFrom(request.headers);
  const input = await taskWriteInput(request, updateTaskSchema, actor, id);
  return taskResponse(await updateTask(actor, id, input, { expectedVersions }));
});

/**
 * @swagger
 * /api/tasks/{id}/:
 *   put:
 *     summary: Replace a task's editable fields
 *     description: >-
 *       As DRF's PUT: `title` is required, every field sent is set, a field left out keeps its
 *       value, and the read-only fields of a task (as GET returned it) are ignored. Same
 *       permissions as PATCH; with `If-Match`, 412 when someone changed the task since.
 *     operationId: replaceTask
 *     tags: [Tasks]
 *     parameters:
 *       - $ref: '#/components/parameters/TaskId'
 *       - $ref: '#/components/parameters/IfMatch'
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/TaskReplace' }
 *           example:
 *             title: Prepare the quarterly report
 *             description: Figures for Q3 and Q4.
 *             status: IN_PROGRESS
 *             priority: HIGH
 *             due_date: "2026-12-20"
 *             assigned_to: 4
 *     responses:
 *       "200":
 *         description: The replaced task; `ETag` is its new version.
 *         headers:
 *           ETag: { description: The new version., schema: { type: string } }
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Task' }
 *             examples: { task: { $ref: '#/components/examples/Task' } }
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "403": { $ref: '#/components/responses/Forbidden' }
 *       "404": { $ref: '#/components/responses/NotFound' }
 *       "412": { $ref: '#/components/responses/PreconditionFailed' }
 *       "413": { $ref: '#/components/responses/PayloadTooLarge' }
 *       "415": { $ref: '#/components/responses/UnsupportedMediaType' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 *       "503": { $ref: '#/components/responses/Busy' }
 */
export const PUT = authedRoute<Params>(async ({ request, params, actor }) => {
  const id = pathIdParam(params.id);
  const expectedVersions = expectedVersionsFrom(request.headers);
  const input = await taskWriteInput(request, replaceTaskSchema, actor, id);
  return taskResponse(await replaceTask(actor, id, input, { expectedVersions }));
});

/**
 * @swagger
 * /api/tasks/{id}/:
 *   delete:
 *     summary: Delete a task (its creator, or an admin)
 *     description: Its history stays in the activity trail. With `If-Match`, 412 when changed since.
 *     operationId: deleteTask
 *     tags: [Tasks]
 *     parameters:
 *       - $ref: '#/components/parameters/TaskId'
 *       - $ref: '#/components/parameters/IfMatch'
 *     responses:
 *       "204": { description: Deleted. }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "403": { $ref: '#/components/responses/Forbidden' }
 *       "404": { $ref: '#/components/responses/NotFound' }
 *       "412": { $ref: '#/components/responses/PreconditionFailed' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 *       "503": { $ref: '#/components/responses/Busy' }
 */
export const DELETE = authedRoute<Params>(async ({ request, params, actor }) => {
  const id = pathIdParam(params.id);
  await deleteTask(actor, id, { expectedVersions: expectedVersionsFrom(request.headers) });
  return new NextResponse(null, { status: 204 });
});

export const { POST, OPTIONS } = refusedMethods("GET", "PUT", "PATCH", "DELETE");

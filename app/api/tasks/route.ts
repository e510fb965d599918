import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { etagFor } from "@/lib/http/etag";
import { notFound } from "@/lib/http/errors";
import { parseJsonBody } from "@/lib/http/json-body";
import { pageLinks, readLastPage, readLastPageOf } from "@/lib/http/page-links";
import { publicUrl } from "@/lib/http/public-url";
import { parseIdempotencyKey } from "@/lib/services/idempotency";
import { createTaskOnce } from "@/lib/services/task-create-once";
import { assertMayCreateTask, lastPageOf, listTasks } from "@/lib/services/tasks";
import { parseTaskListQuery } from "@/lib/validation/task-query";
import { createTaskSchema, withoutReadOnlyTaskFields } from "@/lib/validation/tasks";
import { refusedMethods } from "@/lib/http/refused-methods";

export const dynamic = "force-dynamic";

/** The keyset link: this request's URL with the next cursor, and no page number. */
function cursorUrl(url: URL, cursor: string): string {
  const next = new URL(url);
  next.searchParams.set("cursor", cursor);
  next.searchParams.delete("page");
  return next.toString();
}

/**
 * @swagger
 * /api/tasks/:
 *   get:
 *     summary: List the tasks you may see
 *     description: >-
 *       Admins see every task, managers the tasks they created or are assigned, employees the
 *       tasks assigned to them. Page-number pagination (`page`, or `page=last`; `page_size`: more than 100 is taken as 100) as DRF had it,
 *       or keyset pagination: pass `cursor` (from `next_cursor`) to page at the same cost at any
 *       depth, and without skipping or repeating a task when tasks are added or deleted between
 *       pages. A task whose sort field changes meanwhile moves in the order, so it may then be
 *       seen twice or not at all: page by creation (the default `-created_at`, or `created_at`),
 *       which no edit changes, to visit each task exactly once. Deep page
 *       numbers are fast too while no task changes. `status` and `priority` take one value or
 *       several, comma-separated (`TODO,IN_PROGRESS`).
 *     operationId: listTasks
 *     tags: [Tasks]
 *     x-query-schema: TaskListQuery
 *     responses:
 *       "200":
 *         description: One page of tasks.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/TaskPage' }
 *             examples: { page: { $ref: '#/components/examples/TaskPage' } }
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "404":
 *         description: The page is past the last one.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Error' }
 *             example: { detail: Invalid page. }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 */
export const GET = authedRoute(async ({ request, actor }) => {
  const url = publicUrl(request);
  const { params, lastPage } = readLastPage(url.searchParams);
  const query = parseTaskListQuery(params);
  const last =
    lastPage && !query.cursor
      ? await readLastPageOf(await lastPageOf(actor, query), query.page_size, (number) =>
          listTasks(actor, { ...query, page: number }),
        )
      : null;
  if (last) query.page = last.page;
  const page = last?.list ?? (await listTasks(actor, query));
  // Past the end is a 404, except for `page=last` when the list shrank again while it was read.
  if (!query.cursor && !lastPage && query.page > 1 && page.results.length === 0) {
    throw notFound("Invalid page.");
  }
  const links = query.cursor
    ? { next: page.next_cursor && cursorUrl(url, page.next_cursor), previous: null }
    : pageLinks(url, { count: page.count, page: query.page, page_size: query.page_size });
  return NextResponse.json(
    {
      count: page.count,
      next: links.next,
      previous: links.previous,
      next_cursor: page.next_cursor,
      results: page.results,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});

/**
 * @swagger
 * /api/tasks/:
 *   post:
 *     summary: Create a task (managers and admins)
 *     description: >-
 *       You become its `created_by`. The assignee, if any, must be an active user. The response's
 *       `ETag` is the new task's version; `Location` is its URL. Send an `Idempotency-Key` to
 *       retry safely: the same task again under the same key replays the first answer (the task
 *       as it was created) instead of creating another.
 *     operationId: createTask
 *     tags: [Tasks]
 *     parameters:
 *       - $ref: '#/components/parameters/IdempotencyKey'
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/TaskCreate' }
 *           example:
 *             title: Prepare the quarterly report
 *             description: Figures for Q3, reviewed by finance.
 *             priority: HIGH
 *             due_date: "2026-12-15"
 *             assigned_to: 4
 *     responses:
 *       "201":
 *         description: Created.
 *         headers:
 *           ETag: { description: 'The version, e.g. `"1"`: send it as `If-Match`.', schema: { type: string } }
 *           Location: { description: The task's URL., schema: { type: string } }
 *           Idempotent-Replayed: { description: '`true` when this answer is a replay of an earlier request with the same key.', schema: { type: string } }
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Task' }
 *             examples: { task: { $ref: '#/components/examples/Task' } }
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "403": { $ref: '#/components/responses/Forbidden' }
 *       "409": { $ref: '#/components/responses/Conflict' }
 *       "413": { $ref: '#/components/responses/PayloadTooLarge' }
 *       "415": { $ref: '#/components/responses/UnsupportedMediaType' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 *       "503": { $ref: '#/components/responses/Busy' }
 */
export const POST = authedRoute(async ({ request, actor }) => {
  assertMayCreateTask(actor);
  const key = parseIdempotencyKey(request.headers);
  const input = await parseJsonBody(request, createTaskSchema, {
    beforeValidation: withoutReadOnlyTaskFields,
  });
  const { task, replayed } = await createTaskOnce(actor, input, key);
  return NextResponse.json(task, {
    status: 201,
    headers: {
      ETag: etagFor(task.version),
      Location: `/api/tasks/${task.id}/`,
      ...(replayed ? { "Idempotent-Replayed": "true" } : {}),
    },
  });
});

export const { PUT, PATCH, DELETE, OPTIONS } = refusedMethods("GET", "POST");

import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { etagFor } from "@/lib/http/etag";
import { notFound } from "@/lib/http/errors";
import { parseJsonBody } from "@/lib/http/json-body";
import { createTask, listTasks } from "@/lib/services/tasks";
import { parseTaskListQuery } from "@/lib/validation/task-query";
import { createTaskSchema } from "@/lib/validation/tasks";

export const dynamic = "force-dynamic";

function pageUrl(url: URL, set: Record<string, string | null>): string {
  const next = new URL(url);
  for (const [key, value] of Object.entries(set)) {
    if (value === null) next.searchParams.delete(key);
    else next.searchParams.set(key, value);
  }
  return next.toString();
}

/**
 * @swagger
 * /api/tasks/:
 *   get:
 *     summary: List the tasks the caller may see (page-number or cursor pagination)
 *     tags: [Tasks]
 *   post:
 *     summary: Create a task (managers and admins)
 *     tags: [Tasks]
 */
export const GET = authedRoute(async ({ request, actor }) => {
  const url = new URL(request.url);
  const query = parseTaskListQuery(url.searchParams);
  const page = await listTasks(actor, query);
  if (!query.cursor && query.page > 1 && page.results.length === 0) throw notFound("Invalid page.");
  const next = query.cursor
    ? page.next_cursor && pageUrl(url, { cursor: page.next_cursor, page: null })
    : query.page * query.page_size < page.count
      ? pageUrl(url, { page: String(query.page + 1) })
      : null;
  const previous =
    !query.cursor && query.page > 1
      ? pageUrl(url, { page: query.page === 2 ? null : String(query.page - 1) })
      : null;
  return NextResponse.json(
    {
      count: page.count,
      next: next || null,
      previous,
      next_cursor: page.next_cursor,
      results: page.results,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});

export const POST = authedRoute(async ({ request, actor }) => {
  const input = await parseJsonBody(request, createTaskSchema);
  const task = await createTask(actor, input);
  return NextResponse.json(task, {
    status: 201,
    headers: { ETag: etagFor(task.version), Location: `/api/tasks/${task.id}/` },
  });
});

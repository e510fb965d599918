import { authedRoute } from "@/lib/http/api-route";
import { exportTasksCsv } from "@/lib/services/task-export";
import { parseTaskListQuery } from "@/lib/validation/task-query";

/** GET /api/tasks/export/ — the caller's visible tasks (the list's filters) as a streamed CSV. */
export const GET = authedRoute(async ({ request, actor }) => {
  const query = parseTaskListQuery(request.nextUrl.searchParams);
  const body = exportTasksCsv(actor, query);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tasks-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});

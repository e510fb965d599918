import { authedRoute } from "@/lib/http/api-route";
import { companyToday } from "@/lib/services/company-time";
import { exportTasksCsv } from "@/lib/services/task-export";
import { parseTaskFilterQuery } from "@/lib/validation/task-query";
import { refusedMethods } from "@/lib/http/refused-methods";

/**
 * GET /api/tasks/export/ — the caller's visible tasks (the list's filters) as a streamed CSV.
 *
 * @swagger
 * /api/tasks/export/:
 *   get:
 *     summary: Download the tasks you may see as CSV
 *     description: >-
 *       Same filters as `GET /api/tasks`, but every matching task, oldest first (the list's
 *       `page`, `page_size`, `ordering` and `cursor` are ignored, whatever they hold), in the upload's CSV format (assignee by email), so a file can go
 *       back through `POST /api/tasks/bulk-upload`. A task whose assignee has since been
 *       deactivated keeps their email here, as a record; importing that row is refused (the
 *       assignee must be active) until the cell names someone else or is emptied. UTF-8 with a
 *       byte-order mark (so that spreadsheet programs read it as UTF-8) and CRLF line ends.
 *     operationId: exportTasks
 *     tags: [Bulk]
 *     x-query-schema: TaskFilterQuery
 *     responses:
 *       "200":
 *         description: The CSV file (attachment).
 *         headers:
 *           Content-Disposition: { description: 'attachment; filename="tasks-YYYY-MM-DD.csv"', schema: { type: string } }
 *         content:
 *           text/csv:
 *             schema: { type: string }
 *             example: "\uFEFFtitle,description,assigned_to,status,due_date,priority\r\nPrepare the quarterly report,Figures for Q3,emma.employee@example.com,IN_PROGRESS,2026-12-15,HIGH\r\n"
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 */
export const GET = authedRoute(async ({ request, actor }) => {
  const query = parseTaskFilterQuery(request.nextUrl.searchParams);
  const body = exportTasksCsv(actor, query);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tasks-${companyToday()}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("GET");

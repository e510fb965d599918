import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/http/api-route";
import { answerChanged, databaseIsUp } from "@/lib/services/health";
import { refusedMethods } from "@/lib/http/refused-methods";

export const dynamic = "force-dynamic";

/**
 * @swagger
 * /api/health/:
 *   get:
 *     summary: Readiness, database included
 *     description: >-
 *       For load balancers and monitors: 503 while the database does not answer. The process
 *       alone is `GET /api/health/live/`. Needs no token.
 *     operationId: getHealth
 *     tags: [System]
 *     security: []
 *     responses:
 *       "200":
 *         description: The app and its database answer.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Health' }
 *             example: { status: ok, db: ok }
 *       "503":
 *         description: The database does not answer.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Health' }
 *             example: { status: degraded, db: down }
 */
// Credentials are ignored: a monitor's stale token must not turn a health check into a 401.
export const GET = publicRoute(
  async ({ log }) => {
    const up = await databaseIsUp();
    if (answerChanged(up)) {
      if (up) log.info("the database answers health checks again");
      else log.error("the database does not answer health checks");
    }
    return NextResponse.json(up ? { status: "ok", db: "ok" } : { status: "degraded", db: "down" }, {
      status: up ? 200 : 503,
      headers: { "Cache-Control": "no-store" },
    });
  },
  { authenticate: false, rateLimit: false, anyHost: true, reportsStatus: true },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("GET");

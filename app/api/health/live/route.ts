import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/http/api-route";
import { refusedMethods } from "@/lib/http/refused-methods";

export const dynamic = "force-dynamic";

/**
 * @swagger
 * /api/health/live/:
 *   get:
 *     summary: Liveness of the app process alone
 *     description: >-
 *       For a liveness probe (restart the process when it stops answering): it touches neither the
 *       database nor anything else, so an outage of MariaDB does not restart healthy app processes.
 *       Readiness, database included, is `GET /api/health/`. Needs no token.
 *     operationId: getLiveness
 *     tags: [System]
 *     security: []
 *     responses:
 *       "200":
 *         description: The process answers.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Liveness' }
 *             example: { status: ok }
 */
// Credentials are ignored, as for /api/health/: liveness reads nothing, not even the caller.
export const GET = publicRoute(
  async () => NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }),
  { authenticate: false, rateLimit: false, anyHost: true },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("GET");

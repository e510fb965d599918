import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/http/api-route";
import { databaseIsUp } from "@/lib/services/health";
import { refusedMethods } from "@/lib/http/refused-methods";

export const dynamic = "force-dynamic";

/**
 * @swagger
 * /api/health/:
 *   get:
 *     summary: Liveness and database reachability
 *     description: For load balancers and monitors; needs no token.
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
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 *       "503":
 *         description: The database does not answer.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Health' }
 *             example: { status: degraded, db: down }
 */
export const GET = publicRoute(async () => {
  const up = await databaseIsUp();
  return NextResponse.json(up ? { status: "ok", db: "ok" } : { status: "degraded", db: "down" }, {
    status: up ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});

export const { POST, PUT, PATCH, DELETE } = refusedMethods("GET");

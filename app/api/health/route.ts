import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/http/api-route";
import { databaseIsUp } from "@/lib/services/health";

export const dynamic = "force-dynamic";

/**
 * @swagger
 * /api/health/:
 *   get:
 *     summary: Liveness and database reachability
 *     tags: [System]
 *     security: []
 */
export const GET = publicRoute(async () => {
  const up = await databaseIsUp();
  return NextResponse.json(up ? { status: "ok", db: "ok" } : { status: "degraded", db: "down" }, {
    status: up ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});

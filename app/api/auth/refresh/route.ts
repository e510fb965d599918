import { NextResponse } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import { InvalidTokenError } from "@/lib/auth/tokens";
import { tokenNotValid } from "@/lib/http/auth-errors";
import { publicRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/json-body";
import { rotateRefreshToken } from "@/lib/services/refresh-tokens";
import { refreshSchema } from "@/lib/validation/auth";

export const dynamic = "force-dynamic";

/**
 * @swagger
 * /api/auth/refresh/:
 *   post:
 *     summary: Trade a refresh token for a new access and refresh token (the old one is spent)
 *     tags: [Auth]
 *     security: []
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/RefreshRequest' }
 *     responses:
 *       200: { description: "{access, refresh}" }
 *       400: { description: Missing refresh field }
 *       401: { description: Refresh token invalid, expired, revoked or reused }
 *       429: { description: Too many attempts from this address }
 */
export const POST = publicRoute(
  async ({ request, log }) => {
    const { refresh } = await parseJsonBody(request, refreshSchema);
    try {
      const pair = await rotateRefreshToken(refresh, { ip: clientIp(request), log });
      return NextResponse.json(pair, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (error instanceof InvalidTokenError) throw tokenNotValid();
      throw error;
    }
  },
  { authenticate: false },
);

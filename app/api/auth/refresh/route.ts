import { NextResponse } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import { InvalidTokenError } from "@/lib/auth/tokens";
import { tokenNotValid } from "@/lib/http/auth-errors";
import { publicRoute } from "@/lib/http/api-route";
import { MAX_TOKEN_BODY_BYTES, parseJsonBody } from "@/lib/http/json-body";
import { rotateRefreshToken } from "@/lib/services/refresh-tokens";
import { refreshSchema } from "@/lib/validation/auth";
import { refusedMethods } from "@/lib/http/refused-methods";

export const dynamic = "force-dynamic";

/**
 * @swagger
 * /api/auth/refresh/:
 *   post:
 *     summary: Trade a refresh token for a new access and refresh token
 *     description: >-
 *       The refresh token sent is spent: sending it again revokes every token of that sign-in,
 *       its access tokens included (reuse detection), as does deactivating the user or changing
 *       their role. Send each refresh token once: share one refresh in flight between threads,
 *       and after a refresh that timed out sign in again rather than retry it.
 *     operationId: refreshToken
 *     tags: [Auth]
 *     security: []
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/RefreshRequest' }
 *           example: { refresh: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI1IiwidHlwIjoicmVmcmVzaCJ9.c2lnbmF0dXJl }
 *         application/x-www-form-urlencoded:
 *           schema: { $ref: '#/components/schemas/RefreshRequest' }
 *         multipart/form-data:
 *           schema: { $ref: '#/components/schemas/RefreshRequest' }
 *     responses:
 *       "200":
 *         description: A new token pair.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/TokenPair' }
 *             examples: { tokens: { $ref: '#/components/examples/TokenPair' } }
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401":
 *         description: The refresh token is invalid, expired, revoked or was already used.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Error' }
 *             example: { detail: Token is invalid or expired, code: token_not_valid }
 *       "403":
 *         description: A form posted from another site's page (its Origin or Sec-Fetch-Site says so).
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Error' }
 *             example: { detail: A form from another site is refused. }
 *       "413": { $ref: '#/components/responses/PayloadTooLarge' }
 *       "415": { $ref: '#/components/responses/UnsupportedMediaType' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 */
export const POST = publicRoute(
  async ({ request, log }) => {
    const { refresh } = await parseJsonBody(request, refreshSchema, {
      acceptForms: true,
      limit: MAX_TOKEN_BODY_BYTES,
    });
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

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("POST");

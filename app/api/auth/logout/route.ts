import { NextResponse } from "next/server";
import { authenticateRequest } from "@/lib/auth/current-user";
import { clientIp } from "@/lib/auth/client-ip";
import { InvalidTokenError } from "@/lib/auth/tokens";
import { tokenNotValid } from "@/lib/http/auth-errors";
import { publicRoute } from "@/lib/http/api-route";
import { unauthorized } from "@/lib/http/errors";
import { MAX_TOKEN_BODY_BYTES, parseJsonBody } from "@/lib/http/json-body";
import { signOutEverywhere } from "@/lib/services/auth-tokens";
import { revokeRefreshToken } from "@/lib/services/refresh-tokens";
import { logoutSchema } from "@/lib/validation/auth";
import { refusedMethods } from "@/lib/http/refused-methods";

export const dynamic = "force-dynamic";

/**
 * @swagger
 * /api/auth/logout/:
 *   post:
 *     summary: Sign out one sign-in, or every session of the user
 *     description: >-
 *       `{"refresh": "…"}` ends that sign-in: its refresh tokens and, at once, its access tokens
 *       (other sign-ins of the user go on). `{"all": true}` ends
 *       every access token, refresh token and browser session of the user identified by the
 *       refresh token, if it is still live (not signed out, spent or from before a password reset),
 *       or else by the Bearer access token or the session.
 *     operationId: logout
 *     tags: [Auth]
 *     security: [{}, { bearerAuth: [] }]
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/LogoutRequest' }
 *           example: { refresh: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI1IiwidHlwIjoicmVmcmVzaCJ9.c2lnbmF0dXJl }
 *         application/x-www-form-urlencoded:
 *           schema: { $ref: '#/components/schemas/LogoutRequest' }
 *         multipart/form-data:
 *           schema: { $ref: '#/components/schemas/LogoutRequest' }
 *     responses:
 *       "200":
 *         description: Signed out.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/SignOutResult' }
 *             example: { detail: Signed out. }
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401":
 *         description: The token is invalid, or `all` came without a way to identify the user.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Error' }
 *             example: { detail: Token is invalid or expired, code: token_not_valid }
 *       "403":
 *         description: >-
 *           A browser session cookie sent from another origin, or a form posted from another
 *           site's page (cross-site requests).
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Error' }
 *             example: { detail: Cross-origin request refused. }
 *       "413": { $ref: '#/components/responses/PayloadTooLarge' }
 *       "415": { $ref: '#/components/responses/UnsupportedMediaType' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 */
export const POST = publicRoute(
  async ({ request, log }) => {
    const input = await parseJsonBody(request, logoutSchema, {
      acceptForms: true,
      limit: MAX_TOKEN_BODY_BYTES,
    });
    const ip = clientIp(request);
    let userId: number | null = null;
    if (input.refresh) {
      try {
        userId = await revokeRefreshToken(input.refresh, { ip, log });
      } catch (error) {
        if (error instanceof InvalidTokenError) throw tokenNotValid();
        throw error;
      }
    }
    if (input.all) {
      // Only a live refresh token, a valid access token or the session may speak for the user.
      userId ??= (await authenticateRequest(request, log))?.id ?? null;
      if (userId === null) throw unauthorized();
      await signOutEverywhere(userId);
      log.info({ userId, ip }, "signed out everywhere");
      return NextResponse.json({ detail: "Signed out of every session." });
    }
    log.info({ userId, ip }, "signed out");
    return NextResponse.json({ detail: "Signed out." });
  },
  { authenticate: false },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("POST");

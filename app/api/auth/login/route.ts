import { NextResponse } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import { accountLocked, invalidCredentials } from "@/lib/http/auth-errors";
import { publicRoute } from "@/lib/http/api-route";
import { MAX_TOKEN_BODY_BYTES, parseJsonBody } from "@/lib/http/json-body";
import { signInForTokens } from "@/lib/services/auth-tokens";
import { loginSchema } from "@/lib/validation/auth";
import { refusedMethods } from "@/lib/http/refused-methods";

export const dynamic = "force-dynamic";

/**
 * @swagger
 * /api/auth/login/:
 *   post:
 *     summary: Sign in; returns an access and a refresh token
 *     description: >-
 *       Send `access` as `Authorization: Bearer <access>` (in Swagger UI: paste it into
 *       **Authorize**). It is short-lived; trade `refresh` at `POST /api/auth/refresh` for a new
 *       pair. Repeated failures lock the account for a while (429 with `Retry-After`).
 *     operationId: login
 *     tags: [Auth]
 *     security: []
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/LoginRequest' }
 *           example: { email: emma.employee@example.com, password: Employee-Demo-2026 }
 *         application/x-www-form-urlencoded:
 *           schema: { $ref: '#/components/schemas/LoginRequest' }
 *         multipart/form-data:
 *           schema: { $ref: '#/components/schemas/LoginRequest' }
 *     responses:
 *       "200":
 *         description: Signed in.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/LoginResponse' }
 *             examples: { login: { $ref: '#/components/examples/Login' } }
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401":
 *         description: Wrong email or password (the same answer for an unknown email).
 *         headers:
 *           WWW-Authenticate: { description: '`Bearer realm="api"`.', schema: { type: string } }
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Error' }
 *             example: { detail: Invalid email or password., code: invalid_credentials }
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
    const { email, password } = await parseJsonBody(request, loginSchema, {
      acceptForms: true,
      limit: MAX_TOKEN_BODY_BYTES,
    });
    const result = await signInForTokens(email, password, { ip: clientIp(request), log });
    if (!result.ok) {
      throw result.reason === "locked"
        ? accountLocked(result.retryAfterSeconds)
        : invalidCredentials();
    }
    const { user, tokens } = result;
    return NextResponse.json(
      {
        access: tokens.access,
        refresh: tokens.refresh,
        user: {
          id: user.id,
          email: user.email,
          full_name: user.fullName,
          role: user.role,
          is_active: user.isActive,
        },
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
  { authenticate: false },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("POST");

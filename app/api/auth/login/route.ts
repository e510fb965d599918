import { NextResponse } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import { accountLocked, invalidCredentials } from "@/lib/http/auth-errors";
import { publicRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/json-body";
import { signInForTokens } from "@/lib/services/auth-tokens";
import { loginSchema } from "@/lib/validation/auth";

export const dynamic = "force-dynamic";

/**
 * @swagger
 * /api/auth/login/:
 *   post:
 *     summary: Sign in with email and password; returns an access and a refresh token
 *     tags: [Auth]
 *     security: []
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/LoginRequest' }
 *     responses:
 *       200: { description: "{access, refresh, user: {id, email, full_name, role, is_active}}" }
 *       400: { description: Missing or malformed fields }
 *       401: { description: Invalid email or password }
 *       429: { description: Too many attempts (account lockout or per-IP throttle) }
 */
export const POST = publicRoute(
  async ({ request, log }) => {
    const { email, password } = await parseJsonBody(request, loginSchema);
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

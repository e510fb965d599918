import { NextResponse } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import { authedRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/json-body";
import { refusedMethods } from "@/lib/http/refused-methods";
import { changeOwnPassword } from "@/lib/services/own-password";
import { PASSWORD_CHANGED } from "@/lib/auth/messages";
import { ownPasswordChangeSchema } from "@/lib/validation/users";

/**
 * @swagger
 * /api/users/me/password/:
 *   post:
 *     summary: Change your own password
 *     description: >-
 *       Anyone signed in. The current password is checked as a sign-in checks it (wrong ones
 *       count toward the account's lockout). Every token and session of yours ends, this one
 *       included: sign in again with the new password. Recorded in the activity trail as
 *       `USER_PASSWORD_CHANGED` (an admin's reset is `USER_PASSWORD_RESET`).
 *     operationId: changeOwnPassword
 *     tags: [Users]
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/OwnPasswordChange' }
 *           example: { current_password: One-time-pass-2026, new_password: My-own-long-passphrase }
 *     responses:
 *       "200":
 *         description: Changed; every session has ended.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/SignOutResult' }
 *             example: { detail: Password changed. Sign in again with the new password. }
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "403": { $ref: '#/components/responses/Forbidden' }
 *       "413": { $ref: '#/components/responses/PayloadTooLarge' }
 *       "415": { $ref: '#/components/responses/UnsupportedMediaType' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 */
export const POST = authedRoute(async ({ request, actor, log }) => {
  const input = await parseJsonBody(request, ownPasswordChangeSchema);
  await changeOwnPassword(actor, input, { ip: clientIp(request), log });
  return NextResponse.json({ detail: PASSWORD_CHANGED });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("POST");

import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { parseOptionalJsonBody } from "@/lib/http/json-body";
import { pathIdParam } from "@/lib/http/path-id";
import { assertAdmin, resetPassword } from "@/lib/services/users";
import { resetPasswordSchema } from "@/lib/validation/users";
import { refusedMethods } from "@/lib/http/refused-methods";

type Params = { id: string };

/**
 * Admins only: sets the given password, or generates one and returns it once; sessions end.
 *
 * @swagger
 * /api/users/{id}/reset-password/:
 *   post:
 *     summary: Reset a user's password (admins)
 *     description: >-
 *       Sets the given password, or without a body generates one and returns it once. Every
 *       session and token of the user ends. Not for the caller's own account (400): that goes
 *       through POST /api/users/me/password/, with the current password.
 *     operationId: resetUserPassword
 *     tags: [Users]
 *     parameters:
 *       - $ref: '#/components/parameters/UserId'
 *     requestBody:
 *       required: false
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/PasswordReset' }
 *           example: {}
 *     responses:
 *       "200":
 *         description: The password was reset.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/PasswordResetResult' }
 *             examples: { reset: { $ref: '#/components/examples/PasswordReset' } }
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "403": { $ref: '#/components/responses/Forbidden' }
 *       "404": { $ref: '#/components/responses/NotFound' }
 *       "409": { $ref: '#/components/responses/Conflict' }
 *       "413": { $ref: '#/components/responses/PayloadTooLarge' }
 *       "415": { $ref: '#/components/responses/UnsupportedMediaType' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 *       "503": { $ref: '#/components/responses/Busy' }
 */
export const POST = authedRoute<Params>(async ({ request, params, actor, log }) => {
  const id = pathIdParam(params.id);
  assertAdmin(actor);
  const input = await parseOptionalJsonBody(request, resetPasswordSchema, {});
  const result = await resetPassword(actor, id, input.password);
  log.info({ subjectUserId: id }, "password reset");
  return NextResponse.json(result);
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("POST");

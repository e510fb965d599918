import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/json-body";
import { pathIdParam } from "@/lib/http/path-id";
import { assertAdmin, deactivateUser, updateUser } from "@/lib/services/users";
import { getUser } from "@/lib/services/user-queries";
import { updateUserSchema, userUpdateBody } from "@/lib/validation/users";
import { refusedMethods } from "@/lib/http/refused-methods";

type Params = { id: string };

/**
 * @swagger
 * /api/users/{id}/:
 *   get:
 *     summary: Read one user
 *     description: >-
 *       Admins (and anyone reading themselves) get every field; managers the public fields of
 *       an assignable user; employees 403.
 *     operationId: getUser
 *     tags: [Users]
 *     parameters:
 *       - $ref: '#/components/parameters/UserId'
 *     responses:
 *       "200":
 *         description: The user.
 *         content:
 *           application/json:
 *             schema:
 *               anyOf:
 *                 - $ref: '#/components/schemas/User'
 *                 - $ref: '#/components/schemas/PublicUser'
 *             examples: { user: { $ref: '#/components/examples/User' } }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "403": { $ref: '#/components/responses/Forbidden' }
 *       "404": { $ref: '#/components/responses/NotFound' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 */
export const GET = authedRoute<Params>(async ({ params, actor }) =>
  NextResponse.json(await getUser(actor, pathIdParam(params.id))),
);

/**
 * Admins only: email, name, role, active flag, password.
 *
 * @swagger
 * /api/users/{id}/:
 *   patch:
 *     summary: Change a user's email, name, role, active flag or password (admins)
 *     description: >-
 *       A role change, deactivation or new password ends every session and token the user holds;
 *       a new email is the one they sign in with (409 when another account has it). Admins cannot
 *       change their own role or email, deactivate themselves or set their own password here (that
 *       takes the current one, at POST /api/users/me/password/), nor remove the last admin. A user's
 *       read-only fields (`id`, timestamps…) are ignored, so a user can be sent back as GET
 *       returned it; any other unknown field is 400.
 *     operationId: updateUser
 *     tags: [Users]
 *     parameters:
 *       - $ref: '#/components/parameters/UserId'
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/UserUpdate' }
 *           example: { role: MANAGER }
 *     responses:
 *       "200":
 *         description: The changed user.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/User' }
 *             examples: { user: { $ref: '#/components/examples/User' } }
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
export const PATCH = authedRoute<Params>(async ({ request, params, actor, log }) => {
  const id = pathIdParam(params.id);
  assertAdmin(actor);
  const input = await parseJsonBody(request, updateUserSchema, {
    beforeValidation: userUpdateBody,
  });
  const user = await updateUser(actor, id, input);
  log.info({ subjectUserId: id, fields: Object.keys(input) }, "user updated");
  return NextResponse.json(user);
});

/**
 * Deactivates, never deletes: the user's tasks and history stay.
 *
 * @swagger
 * /api/users/{id}/:
 *   delete:
 *     summary: Deactivate a user (admins)
 *     description: >-
 *       Deactivates, never deletes: their tasks and history stay, every session and token they
 *       hold stops working at once. Not yourself: so an active admin always remains.
 *     operationId: deactivateUser
 *     tags: [Users]
 *     parameters:
 *       - $ref: '#/components/parameters/UserId'
 *     responses:
 *       "204": { description: Deactivated. }
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "403": { $ref: '#/components/responses/Forbidden' }
 *       "404": { $ref: '#/components/responses/NotFound' }
 *       "409": { $ref: '#/components/responses/Conflict' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 *       "503": { $ref: '#/components/responses/Busy' }
 */
export const DELETE = authedRoute<Params>(async ({ params, actor, log }) => {
  const id = pathIdParam(params.id);
  await deactivateUser(actor, id);
  log.info({ subjectUserId: id }, "user deactivated");
  return new Response(null, { status: 204 });
});

export const { POST, PUT, OPTIONS } = refusedMethods("GET", "PATCH", "DELETE");

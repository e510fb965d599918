import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { parseOptionalJsonBody } from "@/lib/http/json-body";
import { pathIdParam } from "@/lib/http/path-id";
import { refusedMethods } from "@/lib/http/refused-methods";
import { unlockUser } from "@/lib/services/account-unlock";
import { assertAdmin } from "@/lib/services/users";
import { noFieldsSchema } from "@/lib/validation/no-fields";

type Params = { id: string };

/**
 * @swagger
 * /api/users/{id}/unlock/:
 *   post:
 *     summary: Lift a user's sign-in lockout (admins)
 *     description: >-
 *       After repeated wrong passwords an account refuses sign-in for a while (`locked_until`).
 *       This lets the user sign in again at once with their password, and clears the count of
 *       failed attempts; it is recorded in the activity trail. Unlocking an account that is not
 *       locked only clears that count. No body (an empty JSON object is taken too); a form or any field is refused.
 *     operationId: unlockUser
 *     tags: [Users]
 *     parameters:
 *       - $ref: '#/components/parameters/UserId'
 *     responses:
 *       "200":
 *         description: The user, no longer locked.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/User' }
 *             examples: { user: { $ref: '#/components/examples/User' } }
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "403": { $ref: '#/components/responses/Forbidden' }
 *       "404": { $ref: '#/components/responses/NotFound' }
 *       "415": { $ref: '#/components/responses/UnsupportedMediaType' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 */
export const POST = authedRoute<Params>(async ({ request, params, actor, log }) => {
  const id = pathIdParam(params.id);
  // A refusal by role comes before any about the body, as on every admin endpoint.
  assertAdmin(actor);
  await parseOptionalJsonBody(request, noFieldsSchema, {});
  const user = await unlockUser(actor, id);
  log.info({ subjectUserId: user.id }, "user unlocked");
  return NextResponse.json(user);
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("POST");

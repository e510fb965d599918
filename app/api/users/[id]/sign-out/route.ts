import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { parseOptionalJsonBody } from "@/lib/http/json-body";
import { pathIdParam } from "@/lib/http/path-id";
import { refusedMethods } from "@/lib/http/refused-methods";
import { signOutUser } from "@/lib/services/user-sign-out";
import { assertAdmin } from "@/lib/services/users";
import { noFieldsSchema } from "@/lib/validation/no-fields";

type Params = { id: string };

/**
 * @swagger
 * /api/users/{id}/sign-out/:
 *   post:
 *     summary: Sign a user out everywhere (admins)
 *     description: >-
 *       Every browser session, access token and refresh token of the user stops working at once
 *       (a lost laptop, a token left in a script); their password stays, and they can sign in
 *       again. Recorded in the activity trail as `USER_SIGNED_OUT`. Signing yourself out this
 *       way ends the token that made the call too. No body (an empty JSON object is taken too); a form or any field is refused.
 *     operationId: signOutUser
 *     tags: [Users]
 *     parameters:
 *       - $ref: '#/components/parameters/UserId'
 *     responses:
 *       "200":
 *         description: The user, signed out everywhere.
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
  const user = await signOutUser(actor, id);
  log.info({ subjectUserId: user.id }, "user signed out everywhere");
  return NextResponse.json(user);
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("POST");

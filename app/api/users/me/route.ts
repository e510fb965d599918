import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { getMe } from "@/lib/services/user-queries";
import { refusedMethods } from "@/lib/http/refused-methods";

/**
 * The caller's own profile, whatever their role.
 *
 * @swagger
 * /api/users/me/:
 *   get:
 *     summary: Your own profile
 *     operationId: getMe
 *     tags: [Users]
 *     responses:
 *       "200":
 *         description: The signed-in user.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/User' }
 *             examples: { user: { $ref: '#/components/examples/User' } }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 */
export const GET = authedRoute(async ({ actor }) => NextResponse.json(await getMe(actor)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("GET");

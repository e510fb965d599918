import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { notFound } from "@/lib/http/errors";
import { parseJsonBody } from "@/lib/http/json-body";
import { pageLinks, readLastPage, readLastPageOf } from "@/lib/http/page-links";
import { publicUrl } from "@/lib/http/public-url";
import { assertAdmin, createUser } from "@/lib/services/users";
import { listUsers } from "@/lib/services/user-queries";
import {
  createUserRequestSchema,
  parseUserListQuery,
  userCreateBody,
} from "@/lib/validation/users";
import { refusedMethods } from "@/lib/http/refused-methods";

/**
 * Admins: every user; managers: active assignable users, public fields; employees: 403.
 *
 * @swagger
 * /api/users/:
 *   get:
 *     summary: List users (admins; managers see assignable users)
 *     description: >-
 *       Admins get every user and field. Managers get active employees and managers with their
 *       public fields only (id, email, full_name, role), to pick an assignee. Employees get 403.
 *       `page=last` gives the last page, as DRF did.
 *     operationId: listUsers
 *     tags: [Users]
 *     x-query-schema: UserListQuery
 *     responses:
 *       "200":
 *         description: One page of users.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/UserPage' }
 *             examples: { page: { $ref: '#/components/examples/UserPage' } }
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "403": { $ref: '#/components/responses/Forbidden' }
 *       "404":
 *         description: The page is past the last one.
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/Error' }
 *             example: { detail: Invalid page. }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 */
export const GET = authedRoute(async ({ request, actor }) => {
  const { params, lastPage } = readLastPage(publicUrl(request).searchParams);
  const query = parseUserListQuery(params);
  const list = lastPage
    ? (await readLastPageOf(1, query.page_size, (page) => listUsers(actor, { ...query, page })))
        .list
    : await listUsers(actor, query);
  const { count, page, page_size, results } = list;
  if (!lastPage && page > 1 && results.length === 0) throw notFound("Invalid page.");
  return NextResponse.json({
    count,
    ...pageLinks(publicUrl(request), { count, page, page_size }),
    results,
  });
});

/**
 * Admins only; without `password`, the response carries a generated one, once.
 *
 * @swagger
 * /api/users/:
 *   post:
 *     summary: Create a user (admins)
 *     description: >-
 *       Without `password`, one is generated and returned once as `generated_password`; a given
 *       password must be strong (length, not common, not too like their email or name).
 *     operationId: createUser
 *     tags: [Users]
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/UserCreate' }
 *           example: { email: new.hire@example.com, full_name: New Hire, role: EMPLOYEE }
 *     responses:
 *       "201":
 *         description: Created; `Location` is the user's URL.
 *         headers:
 *           Location: { description: The user's URL., schema: { type: string } }
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/CreatedUser' }
 *             examples: { user: { $ref: '#/components/examples/CreatedUser' } }
 *       "400": { $ref: '#/components/responses/BadRequest' }
 *       "401": { $ref: '#/components/responses/Unauthorized' }
 *       "403": { $ref: '#/components/responses/Forbidden' }
 *       "409": { $ref: '#/components/responses/Conflict' }
 *       "413": { $ref: '#/components/responses/PayloadTooLarge' }
 *       "415": { $ref: '#/components/responses/UnsupportedMediaType' }
 *       "429": { $ref: '#/components/responses/TooManyRequests' }
 */
export const POST = authedRoute(async ({ request, actor, log }) => {
  assertAdmin(actor);
  const input = await parseJsonBody(request, createUserRequestSchema, {
    beforeValidation: userCreateBody,
  });
  const user = await createUser(actor, input);
  log.info({ subjectUserId: user.id, role: user.role }, "user created");
  return NextResponse.json(user, { status: 201, headers: { Location: `/api/users/${user.id}/` } });
});

export const { PUT, PATCH, DELETE, OPTIONS } = refusedMethods("GET", "POST");

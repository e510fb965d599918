import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/json-body";
import { pageLinks } from "@/lib/http/page-links";
import { createUser, listUsers } from "@/lib/services/users";
import { createUserRequestSchema } from "@/lib/validation/users";
import { parseListQuery } from "./query";

/** Admins: every user; managers: active assignable users, public fields; employees: 403. */
export const GET = authedRoute(async ({ request, actor }) => {
  const { count, page, page_size, results } = await listUsers(actor, parseListQuery(request));
  return NextResponse.json({
    count,
    ...pageLinks(request.url, { count, page, page_size }),
    results,
  });
});

/** Admins only; without `password`, the response carries a generated one, once. */
export const POST = authedRoute(async ({ request, actor, log }) => {
  const input = await parseJsonBody(request, createUserRequestSchema);
  const user = await createUser(actor, input);
  log.info({ subjectUserId: user.id, role: user.role }, "user created");
  return NextResponse.json(user, { status: 201 });
});

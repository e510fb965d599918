import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/json-body";
import { deactivateUser, getUser, updateUser } from "@/lib/services/users";
import { updateUserSchema } from "@/lib/validation/users";
import { parseUserId } from "../query";

type Params = { id: string };

export const GET = authedRoute<Params>(async ({ params, actor }) =>
  NextResponse.json(await getUser(actor, parseUserId(params.id))),
);

/** Admins only: name, role, active flag, password. */
export const PATCH = authedRoute<Params>(async ({ request, params, actor, log }) => {
  const id = parseUserId(params.id);
  const input = await parseJsonBody(request, updateUserSchema);
  const user = await updateUser(actor, id, input);
  log.info({ subjectUserId: id, fields: Object.keys(input) }, "user updated");
  return NextResponse.json(user);
});

/** Deactivates, never deletes: the user's tasks and history stay. */
export const DELETE = authedRoute<Params>(async ({ params, actor, log }) => {
  const id = parseUserId(params.id);
  await deactivateUser(actor, id);
  log.info({ subjectUserId: id }, "user deactivated");
  return new Response(null, { status: 204 });
});

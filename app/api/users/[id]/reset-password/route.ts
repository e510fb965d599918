import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/json-body";
import { resetPassword } from "@/lib/services/users";
import { resetPasswordSchema } from "@/lib/validation/users";
import { parseUserId } from "../../query";

type Params = { id: string };

/** Admins only: sets the given password, or generates one and returns it once; sessions end. */
export const POST = authedRoute<Params>(async ({ request, params, actor, log }) => {
  const id = parseUserId(params.id);
  const length = request.headers.get("content-length");
  const hasBody = request.headers.has("content-type") || (length !== null && length !== "0");
  const input = hasBody ? await parseJsonBody(request, resetPasswordSchema) : {};
  const result = await resetPassword(actor, id, input.password);
  log.info({ subjectUserId: id }, "password reset");
  return NextResponse.json(result);
});

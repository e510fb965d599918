"use server";

import { headers } from "next/headers";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { validationError } from "@/lib/http/errors";
import { changeOwnPassword } from "@/lib/services/own-password";
import { ownPasswordChangeSchema } from "@/lib/validation/users";
import { asActor, type ActionResult } from "./result";

/** The Account page's password change: the same service, checks and lockout as the API's. */
export async function changeOwnPasswordAction(
  currentPassword: string,
  newPassword: string,
): Promise<ActionResult<null>> {
  return asActor({ action: "changeOwnPassword" }, async (actor, log) => {
    const parsed = ownPasswordChangeSchema.safeParse({
      current_password: currentPassword,
      new_password: newPassword,
    });
    if (!parsed.success) throw validationError(parsed.error);
    const ip = clientIpFromHeaders(await headers());
    await changeOwnPassword(actor, parsed.data, { ip, log });
    return null;
  });
}

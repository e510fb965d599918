"use server";

import { signOutEverywhere } from "@/lib/services/auth-tokens";
import { asActor, type ActionResult } from "./result";

/**
 * The Account page's "Sign out everywhere": every session and token of the caller ends, as
 * `POST /api/auth/logout/ {"all": true}` does (a lost phone, a shared computer).
 */
export async function signOutEverywhereAction(): Promise<ActionResult<null>> {
  return asActor({ action: "signOutEverywhere" }, async (actor, log) => {
    await signOutEverywhere(actor.id);
    log.info("signed out everywhere");
    return null;
  });
}

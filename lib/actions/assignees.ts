"use server";

import { z } from "zod";
import { requireActor } from "@/lib/auth/page-actor";
import { listAssignableUsers, type PublicUserDto } from "@/lib/services/users";
import { toActionResult, type ActionResult } from "./result";

/** People matching what is typed into an assignee picker, beyond the ones it was given. */
const MATCHES = 20;
const searchSchema = z.string().trim().min(1).max(200);

export async function findAssigneesAction(search: unknown): Promise<ActionResult<PublicUserDto[]>> {
  const actor = await requireActor({ may: "user.listAssignable" });
  return toActionResult(() =>
    listAssignableUsers(actor, { search: searchSchema.parse(search), limit: MATCHES }),
  );
}

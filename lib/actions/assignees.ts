"use server";

import { z } from "zod";
import { type PublicUserDto } from "@/lib/services/users";
import { listAssignableUsers } from "@/lib/services/user-queries";
import { asActor, type ActionResult } from "./result";

/** People matching what is typed into an assignee picker, beyond the ones it was given. */
const MATCHES = 20;
const searchSchema = z.string().trim().min(1).max(200);

export async function findAssigneesAction(search: unknown): Promise<ActionResult<PublicUserDto[]>> {
  return asActor({ action: "findAssignees", may: "user.listAssignable" }, (actor) =>
    listAssignableUsers(actor, { search: searchSchema.parse(search), limit: MATCHES }),
  );
}

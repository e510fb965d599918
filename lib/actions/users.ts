"use server";

import { revalidatePath } from "next/cache";
import type { Logger } from "pino";
import { z } from "zod";
import {
  createUser,
  reactivateUser,
  deactivateUser,
  resetPassword,
  updateUser,
  type CreatedUser,
  type UserDto,
} from "@/lib/services/users";
import { unlockUser } from "@/lib/services/account-unlock";
import { signOutUser } from "@/lib/services/user-sign-out";
import { userIdSchema } from "@/lib/validation/tasks";
import { createUserRequestSchema, editUserSchema, passwordSchema } from "@/lib/validation/users";
import { asActor, type ActionResult } from "./result";

const activeFlagSchema = z.boolean({ message: "Say whether the account is to be active." });

/** After a change: the admin pages show it, and the action's log line names whom it touched. */
function changed(log: Logger, subjectUserId: number): void {
  log.setBindings({ subjectUserId });
  revalidatePath("/admin", "layout");
}

export async function createUserAction(input: unknown): Promise<ActionResult<CreatedUser>> {
  return asActor({ action: "createUser", may: "user.manage" }, async (actor, log) => {
    const raw = typeof input === "object" && input !== null ? { ...input } : input;
    // An empty password field means "generate one".
    if (raw && typeof raw === "object" && "password" in raw && raw.password === "") {
      delete raw.password;
    }
    const user = await createUser(actor, createUserRequestSchema.parse(raw));
    changed(log, user.id);
    return user;
  });
}

/** The edit dialog sends name and role together; the service records only what changed. */
export async function editUserAction(id: number, input: unknown): Promise<ActionResult<UserDto>> {
  return asActor({ action: "editUser", may: "user.manage" }, async (actor, log) => {
    const user = await updateUser(actor, userIdSchema.parse(id), editUserSchema.parse(input));
    changed(log, user.id);
    return user;
  });
}

export async function setUserActiveAction(
  id: number,
  active: boolean,
): Promise<ActionResult<UserDto>> {
  return asActor({ action: "setUserActive", may: "user.manage" }, async (actor, log) => {
    const target = userIdSchema.parse(id);
    // Parsed like every other argument: a crafted "false" is text, and text is truthy.
    const reactivate = activeFlagSchema.parse(active);
    const user = reactivate
      ? await reactivateUser(actor, target)
      : await deactivateUser(actor, target);
    changed(log, user.id);
    return user;
  });
}

export async function resetPasswordAction(
  id: number,
  password: string,
): Promise<ActionResult<{ generated_password?: string }>> {
  return asActor({ action: "resetPassword", may: "user.manage" }, async (actor, log) => {
    // A crafted call may send the id as "7": parsed, it meets the service's own-account guard.
    const userId = userIdSchema.parse(id);
    // Parsed as a field, so that its error shows next to the password input.
    const given =
      password === "" ? undefined : z.object({ password: passwordSchema }).parse({ password });
    const result = await resetPassword(actor, userId, given?.password);
    changed(log, result.user.id);
    return { generated_password: result.generated_password };
  });
}

/** Lets a locked-out person sign in again at once (their password is unchanged). */
export async function unlockUserAction(id: number): Promise<ActionResult<UserDto>> {
  return asActor({ action: "unlockUser", may: "user.manage" }, async (actor, log) => {
    const user = await unlockUser(actor, userIdSchema.parse(id));
    changed(log, user.id);
    return user;
  });
}

/** Ends every session and token of someone else; their password stays. */
export async function signOutUserAction(id: number): Promise<ActionResult<UserDto>> {
  return asActor({ action: "signOutUser", may: "user.manage" }, async (actor, log) => {
    const user = await signOutUser(actor, userIdSchema.parse(id));
    changed(log, user.id);
    return user;
  });
}

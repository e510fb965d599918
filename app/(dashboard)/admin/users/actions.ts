"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { toActionResult, type ActionResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/page-actor";
import { badRequest, validationError } from "@/lib/http/errors";
import {
  createUser,
  reactivateUser,
  deactivateUser,
  resetPassword,
  updateUser,
  type CreatedUser,
  type UserDto,
} from "@/lib/services/users";
import {
  createUserRequestSchema,
  fullNameSchema,
  passwordSchema,
  roleSchema,
} from "@/lib/validation/users";

const userId = z.number().int().positive();
const OWN_PASSWORD_REQUIRED =
  "Enter your new password: a generated one could not be shown once your session ends.";
const editSchema = z.strictObject({ full_name: fullNameSchema, role: roleSchema });

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

function refresh(): void {
  revalidatePath("/admin", "layout");
}

export async function createUserAction(input: unknown): Promise<ActionResult<CreatedUser>> {
  const actor = await requireActor({ may: "user.manage" });
  return toActionResult(async () => {
    const raw = typeof input === "object" && input !== null ? { ...input } : input;
    // An empty password field means "generate one".
    if (raw && typeof raw === "object" && "password" in raw && raw.password === "") {
      delete raw.password;
    }
    const user = await createUser(actor, parse(createUserRequestSchema, raw));
    refresh();
    return user;
  });
}

/** The edit dialog sends name and role together; the service records only what changed. */
export async function editUserAction(id: number, input: unknown): Promise<ActionResult<UserDto>> {
  const actor = await requireActor({ may: "user.manage" });
  return toActionResult(async () => {
    const user = await updateUser(actor, parse(userId, id), parse(editSchema, input));
    refresh();
    return user;
  });
}

export async function setUserActiveAction(
  id: number,
  active: boolean,
): Promise<ActionResult<UserDto>> {
  const actor = await requireActor({ may: "user.manage" });
  return toActionResult(async () => {
    const target = parse(userId, id);
    const user = active ? await reactivateUser(actor, target) : await deactivateUser(actor, target);
    refresh();
    return user;
  });
}

export async function resetPasswordAction(
  id: number,
  password: string,
): Promise<ActionResult<{ generated_password?: string }>> {
  const actor = await requireActor({ may: "user.manage" });
  return toActionResult(async () => {
    // A reset ends the admin's own session, and the page with a generated password with it.
    if (password === "" && id === actor.id)
      throw badRequest("Validation failed.", {
        errors: [{ field: "password", message: OWN_PASSWORD_REQUIRED }],
      });
    const given =
      password === "" ? undefined : parse(z.object({ password: passwordSchema }), { password });
    const result = await resetPassword(actor, parse(userId, id), given?.password);
    refresh();
    return { generated_password: result.generated_password };
  });
}

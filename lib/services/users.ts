import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { activity, users, type Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { can } from "@/lib/auth/policy";
import { conflict, forbidden } from "@/lib/http/errors";
import type { CreateUserInput } from "@/lib/validation/users";

export type PublicUser = {
  id: number;
  email: string;
  full_name: string;
  role: Role;
  is_active: boolean;
};

/**
 * Creates an account. `actor` is null for the system (command line, seed); otherwise it must be an admin.
 * Input must already be validated with createUserSchema.
 */
export async function createUser(actor: Actor | null, input: CreateUserInput): Promise<PublicUser> {
  if (actor && !can(actor, "user.manage")) throw forbidden();
  const passwordHash = await hashPassword(input.password);
  return db().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, input.email));
    if (existing)
      throw conflict("A user with this email already exists.", {
        errors: [{ field: "email", message: "A user with this email already exists." }],
      });
    const [created] = await tx
      .insert(users)
      .values({ email: input.email, fullName: input.full_name, role: input.role, passwordHash })
      .$returningId();
    const id = created!.id;
    await tx.insert(activity).values({
      kind: "USER_CREATED",
      actorId: actor?.id ?? null,
      subjectUserId: id,
      field: "role",
      toValue: input.role,
    });
    return {
      id,
      email: input.email,
      full_name: input.full_name,
      role: input.role,
      is_active: true,
    };
  });
}

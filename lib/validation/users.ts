import { z } from "zod";
import { ROLES } from "@/db/schema";
import { passwordWeakness } from "@/lib/auth/passwords";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address." }));

export const passwordSchema = z.string().superRefine((value, ctx) => {
  const weakness = passwordWeakness(value);
  if (weakness) ctx.addIssue({ code: "custom", message: weakness });
});

export const fullNameSchema = z.string().trim().min(1, "Full name is required.").max(150);

export const roleSchema = z.enum(ROLES);

export const createUserSchema = z
  .object({
    email: emailSchema,
    full_name: fullNameSchema,
    role: roleSchema.default("EMPLOYEE"),
    password: passwordSchema,
  })
  .meta({ id: "CreateUserRequest" });

export type CreateUserInput = z.infer<typeof createUserSchema>;

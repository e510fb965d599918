import { z } from "zod";
import { validationError } from "@/lib/http/errors";
import { pageOrLastParam, pageSizeParam, queryBoolean } from "./query-params";
import { queryValues } from "./query-values";
import { withoutFields } from "./read-only-fields";
import { searchSchema } from "./search-terms";
import { EMAIL_MAX, FULL_NAME_MAX } from "./user-limits";
import {
  directionControlMessage,
  halfCharacterMessage,
  hasVisibleCharacter,
  wholeCharacters,
  withoutControl,
  withoutDirectionControl,
} from "./visible-text";
import { ROLES } from "@/lib/domain/enums";
import { passwordWeakness } from "@/lib/auth/passwords";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX)
  .pipe(z.email({ message: "Enter a valid email address." }));

export const passwordSchema = z.string().superRefine((value, ctx) => {
  const weakness = passwordWeakness(value);
  if (weakness) ctx.addIssue({ code: "custom", message: weakness });
});

export const fullNameSchema = z
  .string()
  .trim()
  .min(1, { message: "Full name is required.", abort: true })
  .max(FULL_NAME_MAX)
  .refine(withoutControl, "Full name must not contain control characters.")
  .refine(wholeCharacters, halfCharacterMessage("Full name"))
  .refine(withoutDirectionControl, directionControlMessage("Full name"))
  .refine(hasVisibleCharacter, "Full name is required.");

export const roleSchema = z.enum(ROLES).meta({ id: "Role" });

/** POST /api/users/ and the admin console: without a password, one is generated and shown once. */
export const createUserRequestSchema = z
  .strictObject({
    email: emailSchema,
    full_name: fullNameSchema,
    role: roleSchema.default("EMPLOYEE"),
    password: passwordSchema.optional(),
  })
  .meta({ id: "UserCreate" });

/** The command line's input: the same fields, the password required. */
export const createUserSchema = createUserRequestSchema.required({ password: true });

/** The admin console's edit dialog: email, name and role, sent together. */
export const editUserSchema = z.strictObject({
  // Left out of one's own account's edit: not theirs to change (assertAllowedOnOwnAccount).
  email: emailSchema.optional(),
  full_name: fullNameSchema,
  role: roleSchema,
});

/** PATCH /api/users/{id}/: any subset; a password here is a reset. */
export const updateUserSchema = z
  .strictObject({
    email: emailSchema,
    full_name: fullNameSchema,
    role: roleSchema,
    is_active: z.boolean(),
    password: passwordSchema,
  })
  .partial()
  .meta({ id: "UserUpdate" });

/** POST /api/users/{id}/reset-password/: without a password, one is generated and returned once. */
export const resetPasswordSchema = z
  .strictObject({ password: passwordSchema.optional() })
  .meta({ id: "PasswordReset" });

/** POST /api/users/me/password/ and the Account page: anyone's own password, the current one first. */
export const ownPasswordChangeSchema = z
  .strictObject({
    current_password: z.string().min(1, "Enter your current password."),
    new_password: passwordSchema,
  })
  .meta({ id: "OwnPasswordChange" });
export type OwnPasswordChange = z.infer<typeof ownPasswordChangeSchema>;

/** The fields a manager sees of a colleague, and so may order by (the rest would leak them). */
export const PUBLIC_USER_ORDERINGS = ["email", "full_name", "role", "id"] as const;
export const USER_ORDERINGS = [...PUBLIC_USER_ORDERINGS, "created_at", "last_login_at"] as const;
export type UserOrderField = (typeof USER_ORDERINGS)[number];

export function userOrderingMessage(fields: readonly UserOrderField[]): string {
  return `Order by one of ${fields.join(", ")}, with "-" for descending.`;
}

/** GET /api/users/ query string and the /admin/users table. */
export const listUsersQuerySchema = z
  .object({
    search: searchSchema("email and full name"),
    role: roleSchema.optional(),
    is_active: queryBoolean.optional(),
    locked: queryBoolean.optional().meta({
      description:
        "Admins only: `true` finds the users whose sign-in is locked out now (after repeated wrong passwords), `false` the others.",
    }),
    ordering: z
      .string()
      .regex(new RegExp(`^-?(${USER_ORDERINGS.join("|")})$`), userOrderingMessage(USER_ORDERINGS))
      .default("full_name")
      .meta({
        description: `Managers may order by ${PUBLIC_USER_ORDERINGS.join(", ")} only.`,
      }),
    page: pageOrLastParam,
    page_size: pageSizeParam(20),
  })
  .meta({ id: "UserListQuery" });

export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

/** A user as an admin sees them. */
export const userSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    full_name: z.string(),
    role: roleSchema,
    is_active: z.boolean(),
    created_at: z.string(),
    /** When an admin or the user last changed the account (not a sign-in). */
    updated_at: z.string(),
    last_login_at: z.string().nullable(),
    locked_until: z.string().nullable().meta({
      description:
        "Until when sign-in is refused after repeated wrong passwords; null when it is not locked.",
    }),
  })
  .meta({ id: "User" });

/** What a manager may see of a colleague: enough to pick an assignee. */
export const publicUserSchema = z
  .object({ id: z.number().int(), email: z.string(), full_name: z.string(), role: roleSchema })
  .meta({ id: "PublicUser" });

export type UserDto = z.infer<typeof userSchema>;

/** A user response's fields that `writable` does not set: a write ignores them, as DRF does. */
function readOnlyUserFields(writable: z.ZodObject): ReadonlySet<string> {
  return new Set(Object.keys(userSchema.shape).filter((field) => !(field in writable.shape)));
}

export const READ_ONLY_ON_CREATE: ReadonlySet<string> = readOnlyUserFields(createUserRequestSchema);
export const READ_ONLY_ON_UPDATE: ReadonlySet<string> = readOnlyUserFields(updateUserSchema);

/** A POST /api/users/ body as the schema should see it: a user sent as GET returned it is taken. */
export function userCreateBody(body: unknown): unknown {
  return withoutFields(body, READ_ONLY_ON_CREATE);
}

/** A PATCH /api/users/{id}/ body as the schema should see it (see userCreateBody). */
export function userUpdateBody(body: unknown): unknown {
  return withoutFields(body, READ_ONLY_ON_UPDATE);
}
export type PublicUserDto = z.infer<typeof publicUserSchema>;

/** GET /api/users/ query string, as parseTaskListQuery reads the task list's. */
export function parseUserListQuery(params: URLSearchParams): ListUsersQuery {
  const parsed = listUsersQuerySchema.safeParse(queryValues(params));
  if (!parsed.success) throw validationError(parsed.error, "Invalid query parameters.");
  return parsed.data;
}

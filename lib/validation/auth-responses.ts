import { z } from "zod";
import { roleSchema } from "./users";

/** The signed-in user as POST /api/auth/login/ returns it. */
export const signedInUserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    full_name: z.string(),
    role: roleSchema,
    is_active: z.boolean(),
  })
  .meta({ id: "SignedInUser" });

/** POST /api/auth/refresh/: a new pair; the refresh token sent is spent. */
export const tokenPairSchema = z
  .object({
    access: z
      .string()
      .meta({ description: "Access JWT: send as `Authorization: Bearer <access>`." }),
    refresh: z.string().meta({ description: "Refresh JWT: trade it at POST /api/auth/refresh." }),
  })
  .meta({ id: "TokenPair" });

/** POST /api/auth/login/ */
export const loginResponseSchema = tokenPairSchema
  .extend({ user: signedInUserSchema })
  .meta({ id: "LoginResponse" });

/** POST /api/auth/logout/ */
export const signOutResponseSchema = z.object({ detail: z.string() }).meta({ id: "SignOutResult" });

import { z } from "zod";
import { userSchema } from "./users";

const generatedPassword = z
  .string()
  .optional()
  .meta({ description: "Only when no password was given: generated, shown this once." });

/** POST /api/users/ */
export const createdUserSchema = userSchema
  .extend({ generated_password: generatedPassword })
  .meta({ id: "CreatedUser" });

/** POST /api/users/{id}/reset-password/ */
export const passwordResetResultSchema = z
  .object({ user: userSchema, generated_password: generatedPassword })
  .meta({ id: "PasswordResetResult" });

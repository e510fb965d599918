import { z } from "zod";
import { queryBoolean } from "./query-params";

// Kept free of server-only imports: the sign-in form validates with this same schema in the browser.
export const loginSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "Enter your email address.")
      .max(254, "Email must be at most 254 characters.")
      .pipe(z.email({ message: "Enter a valid email address." })),
    password: z
      .string()
      .min(1, "Enter your password.")
      .max(256, "Password must be at most 256 characters."),
  })
  .meta({ id: "LoginRequest" });

export type LoginInput = z.infer<typeof loginSchema>;

export const refreshSchema = z
  .object({ refresh: z.string().min(1, "This field is required.").max(4096) })
  .meta({ id: "RefreshRequest" });

export const logoutSchema = z
  .object({
    refresh: z.string().min(1).max(4096).optional(),
    // A form sends text: "true" from a form means what true does in JSON.
    all: z.union([z.boolean(), queryBoolean]).optional(),
  })
  .strict()
  .refine((v) => v.refresh !== undefined || v.all === true, {
    message: 'Send {"refresh": "<token>"} or {"all": true}.',
    path: ["refresh"],
  })
  .meta({ id: "LogoutRequest" });

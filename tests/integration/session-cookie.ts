import { encode } from "next-auth/jwt";
import type { Role } from "@/db/schema";

export const SESSION_COOKIE = "next-auth.session-token";

/** A browser session cookie exactly as next-auth would set it after a Credentials sign-in. */
export async function sessionCookie(
  user: { id: number; role: Role; email?: string },
  options: { sessionVersion?: number; maxAge?: number; secret?: string } = {},
): Promise<string> {
  const token = await encode({
    token: {
      sub: String(user.id),
      email: user.email ?? "",
      role: user.role,
      sv: options.sessionVersion ?? 1,
    },
    secret: options.secret ?? process.env.NEXTAUTH_SECRET!,
    maxAge: options.maxAge,
  });
  return `${SESSION_COOKIE}=${token}`;
}

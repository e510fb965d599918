import { encode } from "next-auth/jwt";
import type { Role } from "@/lib/domain/enums";
import { startBrowserSession } from "@/lib/services/browser-sessions";

export const SESSION_COOKIE = "next-auth.session-token";

/**
 * A browser session cookie exactly as next-auth would set it after a Credentials sign-in, its
 * sign-in recorded; `signInId` names another (a revoked one, or none: null).
 */
export async function sessionCookie(
  user: { id: number; role: Role; email?: string },
  options: {
    sessionVersion?: number;
    maxAge?: number;
    secret?: string;
    signInId?: string | null;
  } = {},
): Promise<string> {
  const fid =
    options.signInId === undefined ? await startBrowserSession(user.id) : options.signInId;
  const token = await encode({
    token: {
      sub: String(user.id),
      email: user.email ?? "",
      role: user.role,
      sv: options.sessionVersion ?? 1,
      ...(fid === null ? {} : { fid }),
    },
    secret: options.secret ?? process.env.NEXTAUTH_SECRET!,
    maxAge: options.maxAge,
  });
  return `${SESSION_COOKIE}=${token}`;
}

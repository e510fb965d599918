import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { ROLES, type Role } from "@/lib/domain/enums";
import { config } from "@/lib/config";

export type EdgeIdentity = { userId: number; role: Role };

/**
 * The browser session from next-auth's cookie (signature and expiry only; the database check
 * happens in the page or route). The Authorization header is hidden from getToken, which would
 * otherwise take a Bearer value for a session token.
 */
export async function sessionFromCookie(request: NextRequest): Promise<EdgeIdentity | null> {
  const headers = new Headers(request.headers);
  headers.delete("authorization");
  const token = await getToken({
    req: { headers, cookies: request.cookies } as unknown as NextRequest,
    secret: config().NEXTAUTH_SECRET,
  });
  const userId = Number(token?.sub);
  const role = token?.role;
  if (!Number.isSafeInteger(userId) || !role || !ROLES.includes(role)) return null;
  return { userId, role };
}

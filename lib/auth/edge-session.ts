import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import type { Role } from "@/db/schema";
import { config } from "@/lib/config";
import { InvalidTokenError, verifyAccessToken } from "./tokens";

// db/schema's ROLES would pull drizzle into the edge bundle.
const EDGE_ROLES: readonly Role[] = ["ADMIN", "MANAGER", "EMPLOYEE"];

export type EdgeIdentity = { userId: number; role: Role; via: "bearer" | "cookie" };

export type BearerCheck =
  { kind: "none" } | { kind: "invalid" } | ({ kind: "valid" } & EdgeIdentity);

/** Our API access JWT from "Authorization: Bearer", checked offline (signature, claims, type). */
export async function checkBearer(request: NextRequest): Promise<BearerCheck> {
  const header = request.headers.get("authorization");
  if (!header) return { kind: "none" };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return { kind: "invalid" };
  try {
    const claims = await verifyAccessToken(match[1]);
    return { kind: "valid", userId: claims.userId, role: claims.role, via: "bearer" };
  } catch (error) {
    if (error instanceof InvalidTokenError) return { kind: "invalid" };
    throw error;
  }
}

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
  if (!Number.isSafeInteger(userId) || !role || !EDGE_ROLES.includes(role)) return null;
  return { userId, role, via: "cookie" };
}

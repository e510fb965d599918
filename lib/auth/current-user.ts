import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import type { Logger } from "pino";
import { config } from "@/lib/config";
import { tokenNotValid } from "@/lib/http/auth-errors";
import { forbidden } from "@/lib/http/errors";
import { isOwnOrigin } from "@/lib/http/public-url";
import { SAFE_METHODS } from "@/lib/http/safe-methods";
import { loadSignedInActor } from "@/lib/services/sessions";
import type { Actor } from "./actor";
import { clientIp } from "./client-ip";
import { InvalidTokenError, verifyAccessToken } from "./tokens";

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  // Another scheme is not the API's to judge, as SimpleJWT ignores it: a proxy's Basic login in
  // front of the dashboard makes the browser send one with every request, beside its cookie.
  if (!header || !/^Bearer\b/i.test(header)) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw tokenNotValid('Authorization header must be "Bearer <access token>".');
  return match[1];
}

/**
 * The browser sign-in a request's session cookie names: null without one; its user, and who they
 * are now (null once that sign-in has ended: signed out, deactivated, role changed).
 */
export async function browserSignIn(
  request: NextRequest,
): Promise<{ userId: number; actor: Actor | null } | null> {
  const session = await getToken({ req: request, secret: config().NEXTAUTH_SECRET });
  if (!session?.sub) return null;
  const userId = Number(session.sub);
  // A cookie from before browser sign-ins were recorded (no `fid`) names no sign-in: refused.
  const actor = session.fid
    ? await loadSignedInActor({
        userId,
        sessionVersion: Number(session.sv),
        familyId: session.fid,
      })
    : null;
  return { userId, actor };
}

/**
 * A cookie-authenticated write must come from our own origin (CSRF defence), judged as a form
 * post to the sign-in is: route handlers see `localhost:PORT` as their URL, not the address used.
 */
function assertSameOrigin(request: NextRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (!origin || !isOwnOrigin(request, origin)) {
    throw forbidden("Cross-origin request refused.");
  }
}

/**
 * Resolves the caller from "Authorization: Bearer <access>" or, failing that, the
 * dashboard's session cookie. Returns null for anonymous requests; throws 401 for a bad token.
 */
export async function authenticateRequest(
  request: NextRequest,
  log: Logger,
): Promise<Actor | null> {
  const token = bearerToken(request);
  if (token) {
    try {
      const claims = await verifyAccessToken(token);
      const actor = await loadSignedInActor(claims);
      if (!actor) {
        log.warn(
          { userId: claims.userId, ip: clientIp(request) },
          "token refused: user inactive, signed out or session revoked",
        );
        throw tokenNotValid("Token is no longer valid.", claims.userId);
      }
      return actor;
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        log.warn({ reason: error.reason, ip: clientIp(request) }, "token refused");
        throw tokenNotValid("Given token not valid for any token type", error.holderId);
      }
      throw error;
    }
  }
  const session = await browserSignIn(request);
  if (!session) return null;
  const { actor } = session;
  if (!actor) {
    log.warn(
      { userId: session.userId, ip: clientIp(request) },
      "session refused: user inactive or session revoked",
    );
    throw tokenNotValid("Session is no longer valid; sign in again.", session.userId);
  }
  assertSameOrigin(request);
  return actor;
}

import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import { config } from "@/lib/config";
import type { Role } from "@/db/schema";

export const TOKEN_ISSUER = "etums";
export const TOKEN_AUDIENCE = "etums-api";
/** Pinned: a token signed with any other algorithm (or "none") is refused. */
const ALGORITHM = "HS256";

export type TokenType = "access" | "refresh";

export type AccessClaims = { userId: number; role: Role; sessionVersion: number };

function key(): Uint8Array {
  return new TextEncoder().encode(config().JWT_SECRET);
}

export async function signAccessToken(
  claims: AccessClaims,
  ttlSeconds = config().ACCESS_TOKEN_TTL,
) {
  return new SignJWT({ typ: "access", role: claims.role, sv: claims.sessionVersion })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(String(claims.userId))
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key());
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "InvalidTokenError";
  }
}

/** Verifies signature, algorithm, issuer, audience, expiry and the token's type. */
export async function verifyAccessToken(token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, key(), {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ["sub", "exp", "iat"],
    });
    if (payload.typ !== "access") throw new InvalidTokenError("not an access token");
    const userId = Number(payload.sub);
    const sessionVersion = Number(payload.sv);
    if (!Number.isSafeInteger(userId) || !Number.isSafeInteger(sessionVersion)) {
      throw new InvalidTokenError("malformed claims");
    }
    return { userId, role: payload.role as Role, sessionVersion };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError("token expired");
    throw new InvalidTokenError("invalid token");
  }
}

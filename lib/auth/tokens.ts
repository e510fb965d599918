import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from "jose";
import { config } from "@/lib/config";
import type { Role } from "@/lib/domain/enums";

export const TOKEN_ISSUER = "etums";
export const TOKEN_AUDIENCE = "etums-api";
/** Pinned: a token signed with any other algorithm (or "none") is refused. */
const ALGORITHM = "HS256";

export type TokenType = "access" | "refresh";

/** `familyId`: the sign-in the token belongs to; signing out of it ends the token too. */
export type AccessClaims = { userId: number; role: Role; sessionVersion: number; familyId: string };

let cachedKey: { secret: string; key: Promise<CryptoKey> } | null = null;

/** The HMAC key, imported once per secret: importing it on every verify was a cost on every request. */
function key(): Promise<CryptoKey> {
  const secret = config().JWT_SECRET;
  if (cachedKey?.secret !== secret) {
    const bytes = new TextEncoder().encode(secret);
    const algorithm = { name: "HMAC", hash: "SHA-256" };
    const imported = crypto.subtle.importKey("raw", bytes, algorithm, false, ["sign", "verify"]);
    cachedKey = { secret, key: imported };
  }
  return cachedKey.key;
}

/**
 * The reference's tokens came from djangorestframework-simplejwt: clients that read the caller's
 * id or the token's kind out of a token read these. The server itself checks `sub` and `typ`.
 */
function simpleJwtClaims(type: TokenType, userId: number) {
  return { token_type: type, user_id: userId };
}

export async function signAccessToken(
  claims: AccessClaims,
  ttlSeconds = config().ACCESS_TOKEN_TTL,
) {
  return new SignJWT({
    typ: "access",
    ...simpleJwtClaims("access", claims.userId),
    role: claims.role,
    sv: claims.sessionVersion,
    fam: claims.familyId,
  })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(String(claims.userId))
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(await key());
}

export type RefreshClaims = {
  userId: number;
  familyId: string;
  sessionVersion: number;
  expiresAt: Date;
};

/** A refresh JWT (typ=refresh): the database row keyed by its hash decides whether it still works. */
export async function signRefreshToken(
  claims: Omit<RefreshClaims, "expiresAt">,
  ttlSeconds = config().REFRESH_TOKEN_TTL,
): Promise<{ token: string; expiresAt: Date }> {
  const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
  const token = await new SignJWT({
    typ: "refresh",
    ...simpleJwtClaims("refresh", claims.userId),
    fam: claims.familyId,
    sv: claims.sessionVersion,
  })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(String(claims.userId))
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .setExpirationTime(exp)
    .sign(await key());
  return { token, expiresAt: new Date(exp * 1000) };
}

export class InvalidTokenError extends Error {
  /** `holderId`: for a token we signed that has only expired, the user it was issued to. */
  constructor(
    readonly reason: string,
    readonly holderId: number | null = null,
  ) {
    super(reason);
    this.name = "InvalidTokenError";
  }
}

/** Whose an expired token was: jose checks the signature before the expiry, so this is ours. */
function expiredHolder(payload: JWTPayload, type: TokenType): number | null {
  const userId = Number(payload.sub);
  return payload.typ === type && Number.isSafeInteger(userId) && userId > 0 ? userId : null;
}

/** Signature, pinned algorithm, issuer, audience, expiry and the token's type, or InvalidTokenError. */
async function verifyTyped(token: string, type: TokenType): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, await key(), {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ["sub", "exp", "iat"],
    });
    if (payload.typ !== type) throw new InvalidTokenError(`not an ${type} token`);
    return payload;
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof joseErrors.JWTExpired) {
      throw new InvalidTokenError("token expired", expiredHolder(error.payload, type));
    }
    throw new InvalidTokenError("invalid token");
  }
}

/** The claims both kinds of token carry: whose, of which session version, of which sign-in. */
export type SignInClaims = { userId: number; sessionVersion: number; familyId: string };

function signInClaimsOf(payload: JWTPayload): SignInClaims {
  const userId = Number(payload.sub);
  const sessionVersion = Number(payload.sv);
  if (
    !Number.isSafeInteger(userId) ||
    !Number.isSafeInteger(sessionVersion) ||
    typeof payload.fam !== "string"
  ) {
    throw new InvalidTokenError("malformed claims");
  }
  return { userId, sessionVersion, familyId: payload.fam };
}

export async function verifyRefreshToken(token: string): Promise<RefreshClaims> {
  const payload = await verifyTyped(token, "refresh");
  return { ...signInClaimsOf(payload), expiresAt: new Date(payload.exp! * 1000) };
}

/**
 * Verifies signature, algorithm, issuer, audience, expiry and the token's type. The role claim is
 * for clients to read: the server takes the caller's role from the database on every request.
 */
export async function verifyAccessToken(token: string): Promise<SignInClaims> {
  return signInClaimsOf(await verifyTyped(token, "access"));
}

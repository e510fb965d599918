import { INVALID_CREDENTIALS, tooManyAttempts } from "@/lib/auth/messages";
import { ApiError } from "./errors";

/**
 * An unusable token. `holderId`: whose it was, when we signed it and it has only expired or its
 * sign-in has ended: that user's own request budget pays for the refusal, not their address's.
 */
export class TokenRefusal extends ApiError {
  constructor(
    detail: string,
    readonly holderId: number | null,
  ) {
    super(
      401,
      detail,
      { code: "token_not_valid" },
      { "WWW-Authenticate": 'Bearer realm="api", error="invalid_token"' },
    );
  }
}

/** simplejwt's code (and by default its wording), so that existing clients recognise an unusable token. */
export function tokenNotValid(
  detail = "Token is invalid or expired",
  holderId: number | null = null,
): TokenRefusal {
  return new TokenRefusal(detail, holderId);
}

/** As every 401 must (RFC 9110), and as the reference's login answered: it names the scheme. */
export function invalidCredentials(): ApiError {
  return new ApiError(
    401,
    INVALID_CREDENTIALS,
    { code: "invalid_credentials" },
    { "WWW-Authenticate": 'Bearer realm="api"' },
  );
}

export function accountLocked(
  retryAfterSeconds: number,
  detail = tooManyAttempts(retryAfterSeconds),
): ApiError {
  return new ApiError(
    429,
    detail,
    { code: "account_locked" },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

/** Whose refused token `error` names, when it was one of ours: see TokenRefusal. */
export function refusedTokenHolder(error: unknown): number | null {
  return error instanceof TokenRefusal ? error.holderId : null;
}

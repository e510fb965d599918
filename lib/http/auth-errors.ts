import { INVALID_CREDENTIALS, tooManyAttempts } from "@/lib/auth/messages";
import { ApiError } from "./errors";

/** simplejwt's code (and by default its wording), so that existing clients recognise an unusable token. */
export function tokenNotValid(detail = "Token is invalid or expired"): ApiError {
  return new ApiError(
    401,
    detail,
    { code: "token_not_valid" },
    { "WWW-Authenticate": 'Bearer realm="api", error="invalid_token"' },
  );
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

export function accountLocked(retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    tooManyAttempts(retryAfterSeconds),
    { code: "account_locked" },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

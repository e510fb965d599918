import { INVALID_CREDENTIALS, tooManyAttempts } from "@/lib/auth/messages";
import { ApiError } from "./errors";

/** simplejwt's wording, so that existing clients recognise an unusable token. */
export function tokenNotValid(): ApiError {
  return new ApiError(
    401,
    "Token is invalid or expired",
    { code: "token_not_valid" },
    { "WWW-Authenticate": 'Bearer realm="api", error="invalid_token"' },
  );
}

export function invalidCredentials(): ApiError {
  return new ApiError(401, INVALID_CREDENTIALS, { code: "invalid_credentials" });
}

export function accountLocked(retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    tooManyAttempts(retryAfterSeconds),
    { code: "account_locked" },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

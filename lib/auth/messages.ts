/** Sign-in messages shared by the API, next-auth and the sign-in form. */
export const INVALID_CREDENTIALS = "Invalid email or password.";
/** What a changed password answers: every session has ended, this one too. */
export const PASSWORD_CHANGED = "Password changed. Sign in again with the new password.";
export const SIGN_IN_UNAVAILABLE = "Signing in is unavailable for a moment. Please try again.";

/** In the same unit sense as Retry-After: seconds under a minute, else whole minutes (rounded up). */
export function tooManyAttempts(retryAfterSeconds: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  if (seconds < 60) {
    return `Too many attempts, try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * What the sign-in page may say above its form, by a fixed key in `?notice=`: a link cannot put
 * words of its own there.
 */
export const LOGIN_NOTICES = {
  passwordChanged: "password-changed",
  signedOut: "signed-out",
  signedOutEverywhere: "signed-out-everywhere",
  sessionEnded: "session-ended",
} as const;

/** A session that ended without its user signing out here: it ran out, or it was ended elsewhere. */
export const SESSION_ENDED_NOTICE =
  "Your session has ended (it expired, or it was signed out elsewhere or by an administrator). Sign in again to continue.";

export function loginNoticeText(key: string | null): string | null {
  if (key === LOGIN_NOTICES.passwordChanged) return PASSWORD_CHANGED;
  if (key === LOGIN_NOTICES.signedOut) return "You have signed out.";
  if (key === LOGIN_NOTICES.sessionEnded) return SESSION_ENDED_NOTICE;
  if (key === LOGIN_NOTICES.signedOutEverywhere) {
    return "You have signed out everywhere: every other browser and token of yours has ended too.";
  }
  return null;
}

import { INVALID_CREDENTIALS, SIGN_IN_UNAVAILABLE } from "@/lib/auth/messages";

const TOO_MANY = /^Too many attempts, try again in \d{1,5} (?:seconds?|minutes?)\.$/;

/**
 * The message to show for a next-auth error code or our own thrown message. Only known texts are
 * shown, so a crafted ?error= link cannot put arbitrary words on the sign-in page.
 */
export function describeSignInError(error: string | null): string | null {
  if (!error) return null;
  if (TOO_MANY.test(error)) return error;
  if (error === "SessionRequired") return "Please sign in to continue.";
  if (error === "CredentialsSignin" || error === INVALID_CREDENTIALS) return INVALID_CREDENTIALS;
  if (error === SIGN_IN_UNAVAILABLE) return SIGN_IN_UNAVAILABLE;
  return "Sign-in failed. Please try again.";
}

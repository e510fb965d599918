/** Sign-in messages shared by the API, next-auth and the sign-in form. */
export const INVALID_CREDENTIALS = "Invalid email or password.";

export function tooManyAttempts(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

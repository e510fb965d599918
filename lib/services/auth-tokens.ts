import { inTransaction } from "./transaction";
import { signInWithPassword, type SignInContext, type SignedInUser } from "./auth";
import { issueTokenPair, type TokenPair } from "./refresh-tokens";
import { endAllSessions } from "./user-sessions";

export type TokenSignInResult =
  | { ok: true; user: SignedInUser; tokens: TokenPair }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

/** The API's sign-in: the same password and lockout check as the browser, then a new token family. */
export async function signInForTokens(
  email: string,
  password: string,
  context: SignInContext,
): Promise<TokenSignInResult> {
  const result = await signInWithPassword(email, password, context);
  if (!result.ok) return result;
  const tokens = await issueTokenPair(result.user);
  context.log.info({ userId: result.user.id, ip: context.ip }, "signed in (API)");
  return { ok: true, user: result.user, tokens };
}

/** Signs a user out everywhere: every access token, refresh token and browser session stops working. */
export async function signOutEverywhere(userId: number): Promise<void> {
  await inTransaction((tx) => endAllSessions(tx, userId));
}

type NextAuthAction = {
  /** HEAD is answered wherever GET is, as a GET without its body (next-auth itself refuses it). */
  methods: readonly string[];
  /** Path segments after /api/auth/, the action's included: 2 where a provider id or error follows. */
  maxSegments: 1 | 2;
};

/**
 * What next-auth v4 serves under /api/auth/ (next-auth/core/index.js) and with which methods, of
 * what the app uses; anything else it answers with a 400 text/plain, so the route keeps it away.
 */
export const NEXTAUTH_ACTIONS: Readonly<Record<string, NextAuthAction>> = {
  session: { methods: ["GET", "POST"], maxSegments: 1 },
  csrf: { methods: ["GET"], maxSegments: 1 },
  providers: { methods: ["GET"], maxSegments: 1 },
  signin: { methods: ["GET", "POST"], maxSegments: 2 },
  // GET, next-auth's fallback when a sign-out's CSRF check fails, goes to /login (pages.signOut).
  signout: { methods: ["GET", "POST"], maxSegments: 1 },
  // GET serves OAuth providers' redirects; the only provider here is credentials, which posts.
  callback: { methods: ["POST"], maxSegments: 2 },
  error: { methods: ["GET"], maxSegments: 2 },
  // Not `_log`, where next-auth's browser code reports its errors: anyone's post went into the log.
};

/** The action a catch-all path names, or null when next-auth has no such endpoint. */
export function nextAuthAction(segments: readonly string[]): string | null {
  const [name] = segments;
  if (name === undefined || !Object.hasOwn(NEXTAUTH_ACTIONS, name)) return null;
  return segments.length <= NEXTAUTH_ACTIONS[name]!.maxSegments ? name : null;
}

import { signInLog } from "./sign-in-log";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { config } from "@/lib/config";
import { logger } from "@/lib/logger";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/lib/http/request-id";
import { enforceLoginThrottle } from "@/lib/security/rate-limit";
import { signInWithPassword } from "@/lib/services/auth";
import { endBrowserSession, startBrowserSession } from "@/lib/services/browser-sessions";
import { loginSchema } from "@/lib/validation/auth";
import { ipFromForwarded } from "./client-ip";
import { INVALID_CREDENTIALS, SIGN_IN_UNAVAILABLE, tooManyAttempts } from "./messages";

type IncomingHeaders = Record<string, string | string[] | undefined> | undefined;

function header(headers: IncomingHeaders, name: string): string | null {
  const value = headers?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function ipFromHeaders(headers: IncomingHeaders): string {
  return ipFromForwarded(header(headers, "x-forwarded-for"), header(headers, "x-real-ip"));
}

/** What next-auth hands its logger with an error code: an Error, or {error, ...}. */
function reasonOf(metadata: unknown): string | undefined {
  const error =
    metadata instanceof Error ? metadata : (metadata as { error?: unknown } | null)?.error;
  return error instanceof Error ? error.message : undefined;
}

function buildAuthOptions(): NextAuthOptions {
  const { NEXTAUTH_SECRET, SESSION_TTL } = config();
  return {
    secret: NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_TTL },
    // No next-auth HTML page under /api: its sign-out page's GET lands on /login too.
    pages: { signIn: "/login", signOut: "/login", error: "/login" },
    // next-auth's own logger wrote a multi-line stack to stderr, outside LOG_FILE, for every
    // request with a session cookie it cannot read (after a secret rotation, every returning
    // browser): one JSON line at warn instead, naming the code and the reason.
    logger: {
      error: (code, metadata) => logger().warn({ code, reason: reasonOf(metadata) }, "next-auth"),
      warn: (code) => logger().warn({ code }, "next-auth"),
      debug: () => undefined,
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        // Errors thrown here reach the sign-in form as its message; null means bad credentials.
        async authorize(credentials, request) {
          const log =
            signInLog.getStore() ??
            logger().child({
              requestId: resolveRequestId(header(request?.headers, REQUEST_ID_HEADER)),
            });
          const ip = ipFromHeaders(request?.headers);
          await enforceLoginThrottle(ip, log);
          const parsed = loginSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error(INVALID_CREDENTIALS);
          // next-auth puts a thrown message in the redirect URL: a driver's would carry the SQL
          // and the email, so a server failure is logged here and named by a fixed message.
          const unavailable = (error: unknown): never => {
            log.error({ err: error, ip }, "browser sign-in failed on the server");
            throw new Error(SIGN_IN_UNAVAILABLE);
          };
          const result = await signInWithPassword(parsed.data.email, parsed.data.password, {
            ip,
            log,
          }).catch(unavailable);
          if (!result.ok) {
            throw new Error(
              result.reason === "locked"
                ? tooManyAttempts(result.retryAfterSeconds)
                : INVALID_CREDENTIALS,
            );
          }
          const signInId = await startBrowserSession(result.user.id).catch(unavailable);
          log.info({ userId: result.user.id, ip }, "signed in (browser)");
          return {
            signInId,
            id: String(result.user.id),
            email: result.user.email,
            name: result.user.fullName,
            role: result.user.role,
            sessionVersion: result.user.sessionVersion,
          };
        },
      }),
    ],
    callbacks: {
      // next-auth's own rule (a path, or a URL on this origin; anything else goes home), except
      // that a URL it cannot parse ("http://host:3000.evil.example/") also goes home: its
      // default throws there, a 500.
      redirect({ url, baseUrl }) {
        if (url.startsWith("/")) return `${baseUrl}${url}`;
        return URL.canParse(url) && new URL(url).origin === baseUrl ? url : baseUrl;
      },
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
          token.fid = user.signInId;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: Number(token.sub),
          email: token.email ?? "",
          name: token.name ?? "",
          role: token.role ?? "EMPLOYEE",
          sessionVersion: Number(token.sv),
          signInId: token.fid ?? "",
        };
        return session;
      },
    },
    events: {
      // The cookie is cleared in this browser; revoking its sign-in ends any copy of it too.
      async signOut({ token }) {
        if (token?.sub && token.fid) await endBrowserSession(Number(token.sub), token.fid);
      },
    },
  };
}

let cached: NextAuthOptions | undefined;

/** next-auth's configuration, built on first use so that the environment is read at run time. */
export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}

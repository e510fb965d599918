import type { NextRequest } from "next/server";
import type { Logger } from "pino";
import type { Actor } from "@/lib/auth/actor";
import { clientIp } from "@/lib/auth/client-ip";
import { tooManyAttempts } from "@/lib/auth/messages";
import { config, parseRateLimit } from "@/lib/config";
import { ApiError } from "@/lib/http/errors";
import { addressBucket } from "./address-bucket";
import { rateLimitKeyPrefix } from "./rate-limit-keys";
import { createLimiter, type Backend, type Limiter, type LimitResult } from "./limiter";

export type LimitKind = "api" | "anon" | "login";

/**
 * The password sign-in: throttled per IP with the strict login limit, whoever calls. A refresh
 * is not: its token cannot be guessed, and a backend that refreshes for many users from one
 * address would hit the login limit; it counts as an anonymous request.
 */
const SIGN_IN_PATHS = /^\/api\/auth\/login\/?$/;
/** Open endpoints: limited per IP even for signed-in callers (they never count against a user). */
const OPEN_PATHS = /^\/api\/(health|schema|docs)(\/|$)/;

export function configuredBackend(): Backend {
  const { UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN, REDIS_URL } = config();
  if (UPSTASH_REDIS_REST_URL) {
    return { kind: "upstash", url: UPSTASH_REDIS_REST_URL, token: UPSTASH_REDIS_REST_TOKEN ?? "" };
  }
  if (REDIS_URL) return { kind: "redis", url: REDIS_URL };
  return { kind: "memory" };
}

const SPEC = { api: "RATE_LIMIT_API", anon: "RATE_LIMIT_ANON", login: "RATE_LIMIT_LOGIN" } as const;

// Kept on globalThis (one Redis connection per process across dev reloads), keyed by settings.
const globalForLimiters = globalThis as unknown as { etumsLimiters?: Map<string, Limiter> };

function limiter(kind: LimitKind): Limiter {
  const limiters = (globalForLimiters.etumsLimiters ??= new Map());
  const backend = configuredBackend();
  const prefix = `${rateLimitKeyPrefix(config().DATABASE_URL)}:${kind}`;
  const spec = config()[SPEC[kind]];
  const cacheKey = [prefix, spec, backend.kind, "url" in backend ? backend.url : ""].join("|");
  let existing = limiters.get(cacheKey);
  if (!existing) {
    existing = createLimiter({
      prefix,
      ...parseRateLimit(spec),
      backend,
      processes: config().WEB_CONCURRENCY,
    });
    limiters.set(cacheKey, existing);
  }
  return existing;
}

/** The IETF RateLimit headers (reset in seconds from now) for an allowed or refused request. */
export function rateLimitHeaders(result: LimitResult, now = Date.now()): Record<string, string> {
  const resetSeconds = Math.max(1, Math.ceil((result.reset - now) / 1000));
  return {
    "RateLimit-Limit": String(result.limit),
    "RateLimit-Remaining": String(result.remaining),
    "RateLimit-Reset": String(resetSeconds),
  };
}

/** A refusal: its wait (Retry-After, and RateLimit-Reset) is when a retry will be let through. */
function throttled(result: LimitResult, detail: (seconds: number) => string): ApiError {
  const headers = rateLimitHeaders({ ...result, reset: result.retryAt });
  const seconds = Number(headers["RateLimit-Reset"]);
  return new ApiError(
    429,
    detail(seconds),
    { code: "throttled" },
    {
      ...headers,
      "Retry-After": String(seconds),
    },
  );
}

const apiThrottled = (seconds: number) =>
  `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? "" : "s"}.`;

export function limitKindFor(pathname: string, method: string, userId: number | null): LimitKind {
  // Only the sign-in itself: an OPTIONS or a refused method guesses no password.
  if (method === "POST" && SIGN_IN_PATHS.test(pathname)) return "login";
  if (userId === null || OPEN_PATHS.test(pathname)) return "anon";
  return "api";
}

/**
 * Counts an /api request against its limit: per user when the caller is known (signed in, or
 * holding a token of theirs that has expired), per IP when anonymous, per IP with the strict
 * limit on sign-in endpoints. Returns the RateLimit headers; throws 429.
 */
export async function enforceRateLimit(
  request: NextRequest,
  userId: number | null,
  log: Logger,
): Promise<Record<string, string>> {
  const pathname = request.nextUrl.pathname;
  const kind = limitKindFor(pathname, request.method, userId);
  const ip = clientIp(request);
  const identifier = kind === "api" ? `user:${userId}` : `ip:${addressBucket(ip)}`;
  const result = await limiter(kind).check(identifier);
  if (!result.success) {
    log.warn(
      { ip, userId, limit: kind, path: pathname, backend: result.backend },
      "rate limit exceeded",
    );
    throw throttled(result, kind === "login" ? tooManyAttempts : apiThrottled);
  }
  return rateLimitHeaders(result);
}

const actionThrottled = (seconds: number) =>
  `Too many changes in a short time. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;

/**
 * The dashboard's server actions count against the same per-user budget as the user's API calls:
 * without it, a page's actions were an unthrottled way to write (or to grow a task's history).
 * `log` already names the user.
 */
export async function enforceActionRateLimit(actor: Actor, log: Logger): Promise<void> {
  const result = await limiter("api").check(`user:${actor.id}`);
  if (!result.success) {
    log.warn({ limit: "api", backend: result.backend }, "rate limit exceeded");
    throw throttled(result, actionThrottled);
  }
}

/** The per-IP sign-in throttle for next-auth's Credentials sign-in (not an api-route). */
export async function enforceLoginThrottle(ip: string, log: Logger): Promise<void> {
  const result = await limiter("login").check(`ip:${addressBucket(ip)}`);
  if (!result.success) {
    log.warn({ ip, limit: "login", backend: result.backend }, "rate limit exceeded");
    throw throttled(result, tooManyAttempts);
  }
}

import { Ratelimit } from "@upstash/ratelimit";
import { Redis as UpstashRedis } from "@upstash/redis";
import { Redis } from "ioredis";
import { logger } from "@/lib/logger";
import { ioredisScriptRunner } from "./ioredis-adapter";
import { MemoryLimiter, retryAtOf, type LimitResult } from "./memory-limiter";

export type { LimitResult };

export type Backend =
  | { kind: "upstash"; url: string; token: string }
  | { kind: "redis"; url: string }
  | { kind: "memory" };

export type LimiterOptions = {
  /** Key prefix in Redis, e.g. "etums:rl:etums:api". */
  prefix: string;
  limit: number;
  windowSeconds: number;
  backend: Backend;
  /** Past this, a Redis answer is given up on and the in-process limiter decides. */
  redisTimeoutMs?: number;
  /**
   * Processes serving the app. Each one's in-process limiter allows its share of `limit`, so
   * that the whole server stays within `limit` when Redis is out of reach.
   */
  processes?: number;
};

export type Limiter = {
  check(identifier: string): Promise<LimitResult & { backend: "redis" | "memory" }>;
  close(): Promise<void>;
};

function connectIoredis(url: string): Redis {
  const redis = new Redis(url, {
    // Fail fast while disconnected instead of queueing: the in-process limiter takes over.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5000),
  });
  let warned = false;
  redis.on("error", (error: Error) => {
    settled.add(redis);
    if (warned) return;
    warned = true;
    logger().warn(
      { err: { message: error.message } },
      "rate limiter: Redis unreachable, using the in-process limiter",
    );
  });
  redis.on("ready", () => {
    settled.add(redis);
    warned = false;
  });
  return redis;
}

const settled = new WeakSet<Redis>();

/**
 * Ready now, or still on its very first connection attempt (just started): then wait briefly
 * rather than split the first counts. Once it has failed, a reconnecting Redis is not waited for.
 */
async function isReady(redis: Redis, waitMs: number): Promise<boolean> {
  if (redis.status === "ready") return true;
  if (settled.has(redis)) return false;
  return new Promise<boolean>((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off("ready", onReady);
      redis.off("error", onError);
      resolve(ready);
    };
    const onReady = () => done(true);
    const onError = () => done(false);
    const timer = setTimeout(() => done(false), waitMs);
    redis.once("ready", onReady);
    redis.once("error", onError);
  });
}

class TimeoutError extends Error {}

/**
 * After Redis failed a request (not ready in time, an error, no answer), the in-process limiter
 * decides alone this long: a stalled Redis must not add its timeout to every request.
 */
const REDIS_PAUSE_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError("rate limiter timed out")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A sliding-window limiter on @upstash/ratelimit, shared through Redis across instances. When
 * Redis is not connected, errors or is slow, the in-process limiter answers: never "no limit".
 */
export function createLimiter(options: LimiterOptions): Limiter {
  const { limit, windowSeconds, backend, prefix, redisTimeoutMs = 1000, processes = 1 } = options;
  const memory = new MemoryLimiter(
    Math.max(1, Math.floor(limit / processes)),
    windowSeconds * 1000,
  );
  const fromMemory = (identifier: string) => ({
    ...memory.check(`${prefix}:${identifier}`),
    backend: "memory" as const,
  });
  if (backend.kind === "memory") {
    return { check: async (identifier) => fromMemory(identifier), close: async () => {} };
  }

  const ioredis = backend.kind === "redis" ? connectIoredis(backend.url) : null;
  const client =
    backend.kind === "upstash"
      ? new UpstashRedis({
          url: backend.url,
          token: backend.token,
          retry: { retries: 1, backoff: () => 50 },
        })
      : // Structurally enough for the limiter: it only calls evalsha and eval.
        (ioredisScriptRunner(ioredis!) as unknown as UpstashRedis);
  const ratelimit = new Ratelimit({
    redis: client,
    limiter: Ratelimit.slidingWindow(limit, `${windowSeconds} s`),
    prefix,
    // The library's own timeout lets the request through (fails open); ours falls back instead.
    timeout: 0,
    analytics: false,
  });

  let pausedUntil = 0;
  const pause = () => {
    pausedUntil = Date.now() + REDIS_PAUSE_MS;
  };

  return {
    async check(identifier) {
      if (Date.now() < pausedUntil) return fromMemory(identifier);
      if (ioredis && !(await isReady(ioredis, redisTimeoutMs))) {
        pause();
        return fromMemory(identifier);
      }
      try {
        const result = await withTimeout(ratelimit.limit(identifier), redisTimeoutMs);
        return {
          success: result.success,
          limit: result.limit,
          remaining: result.remaining,
          reset: result.reset,
          retryAt: retryAtOf(result.reset, windowSeconds * 1000, result.limit),
          backend: "redis",
        };
      } catch (error) {
        pause();
        logger().warn(
          { err: { message: (error as Error).message } },
          "rate limiter: Redis call failed, using the in-process limiter",
        );
        return fromMemory(identifier);
      }
    },
    async close() {
      ioredis?.disconnect();
    },
  };
}

import { Redis } from "ioredis";
import { rateLimitKeyPrefix } from "./rate-limit-keys";

/**
 * Forgets every rate-limit counter of one database's deployment (test and e2e databases only),
 * so a re-created database does not inherit the counters of the ids it had before.
 */
export async function clearRateLimitCounters(redisUrl: string, databaseUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    const pattern = `${rateLimitKeyPrefix(databaseUrl)}:*`;
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } catch {
    // No Redis: the in-process limiters start empty anyway.
  } finally {
    redis.disconnect();
  }
}

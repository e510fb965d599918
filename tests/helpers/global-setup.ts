import { resetDatabase } from "@/db/migrate";
import { clearRateLimitCounters } from "@/lib/security/rate-limit-reset";

/** Once per run: a fresh, migrated test database (never the demo one). */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/etums_test";
  await resetDatabase(url);
  // User ids restart with the database; their old rate-limit counters must not carry over.
  await clearRateLimitCounters(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", url);
}

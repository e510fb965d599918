import { sql } from "drizzle-orm";
import { db } from "@/db/client";

/**
 * How long one probe answers for every health check: the endpoint is not rate-limited (a load
 * balancer probes from one address), so a flood of checks costs the pool one query a second.
 */
const PROBE_REUSE_MS = 1000;

let recent: { at: number; up: Promise<boolean> } | null = null;

/** True when the database answered a trivial query within the timeout, at most a second ago. */
export function databaseIsUp(timeoutMs = 2000): Promise<boolean> {
  const now = Date.now();
  if (recent && now - recent.at < PROBE_REUSE_MS) return recent.up;
  const up = probe(timeoutMs);
  recent = { at: now, up };
  return up;
}

async function probe(timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      db()
        .execute(sql`SELECT 1`)
        .then(() => true as const),
      timeout,
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

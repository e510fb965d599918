import { sql } from "drizzle-orm";
import { db } from "@/db/client";

/**
 * How long one probe answers for every health check: the endpoint is not rate-limited (a load
 * balancer probes from one address), so a flood of checks costs the pool one query a second.
 */
const PROBE_REUSE_MS = 1000;

let recent: { at: number; up: Promise<boolean> } | null = null;
/**
 * The probe's statement while it has not answered. A probe that timed out still holds a pooled
 * connection until the statement deadline; while it does, the database is down and no other probe
 * is sent, so that a stalled database costs the pool one connection, not one per second.
 */
let unanswered: Promise<unknown> | null = null;

/** True when the database answered a trivial query within the timeout, at most a second ago. */
export function databaseIsUp(timeoutMs = 2000): Promise<boolean> {
  const now = Date.now();
  if (recent && now - recent.at < PROBE_REUSE_MS) return recent.up;
  const up = unanswered ? Promise.resolve(false) : probe(timeoutMs);
  recent = { at: now, up };
  return up;
}

async function probe(timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  // Inside the promise: a throw while sending (no configuration, say) is "down", not a 500.
  const statement = Promise.resolve().then(() => db().execute(sql`SELECT 1`));
  const settled = statement.then(
    () => undefined,
    () => undefined,
  );
  unanswered = settled;
  void settled.then(() => {
    if (unanswered === settled) unanswered = null;
  });
  try {
    return await Promise.race([statement.then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

// Per process, not per module copy (Next bundles a module more than once), so one outage is one line.
const answers = globalThis as typeof globalThis & { etumsLastHealthAnswer?: boolean };

/**
 * Whether `up` differs from the previous probe's answer (a first answer of "down" counts): an
 * outage is logged when it begins and when it ends, not once per probe a second.
 */
export function answerChanged(up: boolean): boolean {
  const last = answers.etumsLastHealthAnswer;
  answers.etumsLastHealthAnswer = up;
  return last === undefined ? !up : last !== up;
}

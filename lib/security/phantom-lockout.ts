import { lockoutMinutes } from "@/lib/auth/lockout";

type Entry = { failures: number; lockouts: number; lockedUntil: number };

/** Bounded so that a flood of made-up addresses cannot grow memory without limit. */
const MAX_ENTRIES = 10_000;
const entries = new Map<string, Entry>();

/**
 * Lockout bookkeeping for emails that match no account, so that they get "Too many attempts"
 * after the same number of failures as real accounts and responses reveal nothing about existence.
 * Returns the lock's end (ms epoch) while locked, else null.
 */
export function recordUnknownAccountFailure(
  email: string,
  threshold: number,
  baseMinutes: number,
  now = Date.now(),
): number | null {
  const entry = entries.get(email) ?? { failures: 0, lockouts: 0, lockedUntil: 0 };
  if (entry.lockedUntil > now) return entry.lockedUntil;
  entry.failures += 1;
  if (entry.failures >= threshold) {
    entry.lockedUntil = now + lockoutMinutes(baseMinutes, entry.lockouts) * 60_000;
    entry.lockouts += 1;
    entry.failures = 0;
  }
  entries.delete(email);
  entries.set(email, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return entry.lockedUntil > now ? entry.lockedUntil : null;
}

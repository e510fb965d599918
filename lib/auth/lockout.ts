/** Longest lockout however often an account is locked again: a day. */
const MAX_LOCKOUT_MINUTES = 24 * 60;

/** The lockout after `previousLockouts` earlier ones: the base duration, doubled each repeat. */
export function lockoutMinutes(baseMinutes: number, previousLockouts: number): number {
  return Math.min(MAX_LOCKOUT_MINUTES, baseMinutes * 2 ** Math.min(previousLockouts, 16));
}

/** An account's (or an unknown email's) failed sign-ins, as stored. */
export type FailureCounts = { failedLoginCount: number; lockoutCount: number };

/**
 * The counts after one more failure, and the lock's end when this failure reaches `threshold`
 * (the count then starts again, and the next lock lasts twice as long).
 */
export function afterFailure(
  counts: FailureCounts,
  now: Date,
  threshold: number,
  baseMinutes: number,
): FailureCounts & { lockedUntil: Date | null } {
  const failures = counts.failedLoginCount + 1;
  if (failures < threshold) {
    return { failedLoginCount: failures, lockoutCount: counts.lockoutCount, lockedUntil: null };
  }
  const minutes = lockoutMinutes(baseMinutes, counts.lockoutCount);
  return {
    failedLoginCount: 0,
    lockoutCount: counts.lockoutCount + 1,
    lockedUntil: new Date(now.getTime() + minutes * 60_000),
  };
}

export function secondsUntil(date: Date, now = Date.now()): number {
  return Math.max(1, Math.ceil((date.getTime() - now) / 1000));
}

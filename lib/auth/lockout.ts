/** Longest lockout however often an account is locked again: a day. */
const MAX_LOCKOUT_MINUTES = 24 * 60;

/** The lockout after `previousLockouts` earlier ones: the base duration, doubled each repeat. */
export function lockoutMinutes(baseMinutes: number, previousLockouts: number): number {
  return Math.min(MAX_LOCKOUT_MINUTES, baseMinutes * 2 ** Math.min(previousLockouts, 16));
}

export function secondsUntil(date: Date, now = Date.now()): number {
  return Math.max(1, Math.ceil((date.getTime() - now) / 1000));
}

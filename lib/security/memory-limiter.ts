export type LimitResult = {
  success: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends, ms since the epoch. */
  reset: number;
  /**
   * When a refused caller may try again, ms since the epoch. Not `reset`: a sliding window still
   * counts most of the last window's requests as the next one starts, so the window's end is
   * followed by the time it takes to free one request (a window's length over the limit).
   */
  retryAt: number;
};

export function retryAtOf(reset: number, windowMs: number, limit: number): number {
  return reset + Math.ceil(windowMs / limit);
}

type Buckets = { window: number; current: number; previous: number };

/**
 * A per-process sliding-window limiter (the same weighting as @upstash/ratelimit's slidingWindow):
 * used when no Redis is configured and whenever Redis cannot answer, so the API is never unlimited.
 */
export class MemoryLimiter {
  private readonly buckets = new Map<string, Buckets>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  check(key: string, now = Date.now()): LimitResult {
    const window = Math.floor(now / this.windowMs);
    const reset = (window + 1) * this.windowMs;
    let buckets = this.buckets.get(key);
    if (!buckets || buckets.window < window - 1) {
      buckets = { window, current: 0, previous: 0 };
    } else if (buckets.window === window - 1) {
      buckets = { window, current: 0, previous: buckets.current };
    }
    const elapsed = (now % this.windowMs) / this.windowMs;
    const used = Math.ceil(buckets.previous * (1 - elapsed)) + buckets.current;
    const success = used < this.limit;
    if (success) buckets.current += 1;
    this.buckets.delete(key);
    this.buckets.set(key, buckets);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    return {
      success,
      limit: this.limit,
      remaining: Math.max(0, this.limit - used - 1),
      reset,
      retryAt: retryAtOf(reset, this.windowMs, this.limit),
    };
  }
}

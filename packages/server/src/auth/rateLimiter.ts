/**
 * Fixed-window counters, one per key, in this replica's memory (spec/credentials.md §7.1): a window
 * lasts 60 s from the key's first counted request. N replicas allow up to N times the budget, which
 * the spec accepts; at most `maxKeys` live keys are kept, expired windows dropped first.
 */
export interface WindowState {
  readonly limit: number;
  readonly remaining: number;
  /** whole seconds until the window ends, at least 1 */
  readonly resetSeconds: number;
  /** false: this request is beyond the budget */
  readonly allowed: boolean;
}

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly clock: () => number,
    private readonly windowMs = 60_000,
    private readonly maxKeys = 100_000,
  ) {}

  /**
   * The key's state without counting: Basic checks its budget before any scrypt. `reserved`
   * requests are already under way and will be counted when they finish.
   */
  peek(key: string, limit: number, reserved = 0): WindowState {
    const w = this.live(key);
    const count = (w?.count ?? 0) + reserved;
    return this.state(w?.start ?? this.clock(), count, limit, count < limit);
  }

  /** Counts one request against the key. */
  hit(key: string, limit: number): WindowState {
    const now = this.clock();
    let w = this.live(key);
    if (!w) {
      this.makeRoom();
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    // once over the budget the count stops growing: it only has to say "over"
    if (w.count <= limit) w.count += 1;
    return this.state(w.start, w.count, limit, w.count <= limit);
  }

  get size(): number {
    return this.windows.size;
  }

  private live(key: string): Window | undefined {
    const w = this.windows.get(key);
    if (w && this.clock() - w.start >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  private makeRoom(): void {
    if (this.windows.size < this.maxKeys) return;
    const now = this.clock();
    for (const [key, w] of this.windows) {
      if (now - w.start >= this.windowMs) this.windows.delete(key);
    }
    // Map order is insertion order, so the first keys hold the oldest windows
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }

  private state(start: number, count: number, limit: number, allowed: boolean): WindowState {
    const left = start + this.windowMs - this.clock();
    return {
      limit,
      remaining: Math.max(0, limit - count),
      resetSeconds: Math.max(1, Math.ceil(left / 1000)),
      allowed,
    };
  }
}

/** §7.2: every counted response carries these for its key. */
export function rateLimitHeaders(s: WindowState): Record<string, string> {
  return {
    'RateLimit-Limit': String(s.limit),
    'RateLimit-Remaining': String(s.remaining),
    'RateLimit-Reset': String(s.resetSeconds),
  };
}

/** Latency figures of one series of requests; milliseconds, rounded to microseconds. */
export interface LatencyStats {
  readonly count: number;
  readonly errors: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** successful requests per second of wall-clock time over the whole series */
  readonly throughput: number;
  /** the first failure's message, so a broken workload says why */
  readonly firstError?: string;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** Nearest-rank percentile of an ascending array (the definition autocannon and wrk report). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarise(
  samples: readonly number[],
  errors: number,
  wallMs: number,
  firstError?: string,
): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    errors,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    throughput: wallMs > 0 ? Math.round((sorted.length / wallMs) * 1000 * 10) / 10 : 0,
    ...(firstError !== undefined ? { firstError } : {}),
  };
}

/**
 * Runs one operation sequentially: a warm-up that is not measured (plans cached, pages in memory),
 * then `iterations` timed calls. Bounded in count and in time: it stops early at `maxMs`.
 */
import { summarise, type LatencyStats } from './LatencyStats';

export interface SeriesOptions {
  readonly iterations: number;
  readonly warmup: number;
  /** wall-clock budget of the measured part */
  readonly maxMs: number;
}

/** `op(i)` may throw: a throw is an error, counted and not timed. */
export async function measureSeries(
  op: (i: number) => Promise<void>,
  options: SeriesOptions,
): Promise<LatencyStats> {
  for (let i = 0; i < options.warmup; i++) await op(i).catch(() => undefined);
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  for (let i = 0; i < options.iterations; i++) {
    const t0 = performance.now();
    try {
      await op(i);
      samples.push(performance.now() - t0);
    } catch (e) {
      errors++;
      firstError ??= e instanceof Error ? e.message : String(e);
    }
    if (performance.now() - start > options.maxMs) break;
  }
  return summarise(samples, errors, performance.now() - start, firstError);
}

/** The figures of one workload in the JSON document. Times in ms, rates per second, RSS in MiB. */
import { summarise, type LatencyStats } from '../LatencyStats';

export type WorkloadId = 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6';

export interface WorkloadResult {
  readonly id: WorkloadId;
  readonly title: string;
  /** through the HTTP API */
  readonly gateway: LatencyStats;
  /** the same question as hand-written SQL on the same database (not for W6) */
  readonly sql?: LatencyStats;
  /** gateway p50 ÷ SQL p50 (W5: HTTP rate ÷ COPY rate) */
  readonly ratio?: number;
  /** the greatest server RSS while this workload ran */
  readonly peakRssMiB: number;
  /** workload-specific figures (W4 page ratios, W5 rates, W2 plan, per-variant splits) */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** set when the workload could not run on this dataset, with the reason */
  readonly skipped?: string;
}

export const ratio = (a: number, b: number): number =>
  b > 0 && Number.isFinite(a) && Number.isFinite(b) ? Math.round((a / b) * 100) / 100 : Number.NaN;

/** A workload the dataset cannot feed (e.g. no Atlas entries): reported, with the reason. */
export function skippedResult(id: WorkloadId, title: string, why: string): WorkloadResult {
  return { id, title, gateway: summarise([], 0, 0), peakRssMiB: Number.NaN, skipped: why };
}

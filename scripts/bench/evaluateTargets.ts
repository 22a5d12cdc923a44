/** Issue 9's targets at 10M events, evaluated on whatever size ran (reported, not asserted). */
import type { BenchReport } from './BenchReport';
import type { WorkloadId, WorkloadResult } from './workloads/WorkloadResult';

type Targets = BenchReport['targets'];

const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);

export function evaluateTargets(workloads: readonly WorkloadResult[]): Targets {
  const w = (id: WorkloadId) => workloads.find((x) => x.id === id && !x.skipped);
  const out: Record<string, { value: number; met: boolean }> = {};
  const add = (name: string, value: number, met: (v: number) => boolean) => {
    if (Number.isFinite(value)) out[name] = { value, met: met(value) };
  };
  add('W1 gateway÷SQL p50 ≤ 1.5', num(w('W1')?.ratio), (v) => v <= 1.5);
  add('W3 gateway÷SQL p50 ≤ 1.5', num(w('W3')?.ratio), (v) => v <= 1.5);
  add('W4 last page÷page 1 ≤ 1.3', num(w('W4')?.extra?.gatewayDepthRatio), (v) => v <= 1.3);
  add('W5 HTTP÷COPY ≥ 0.4', num(w('W5')?.ratio), (v) => v >= 0.4);
  const w6 = w('W6');
  if (w6) {
    add('W6 errors = 0', w6.gateway.errors, (v) => v === 0);
    add('W6 server RSS < 300 MB', w6.peakRssMiB, (v) => v * 1.048576 < 300);
  }
  return out;
}

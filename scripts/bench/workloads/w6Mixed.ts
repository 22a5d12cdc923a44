/**
 * W6, mixed load (DESIGN §6): `--clients` concurrent clients, each sending the W1–W3 requests in
 * turn (W1 hot and cold entities, W2, W3) for `--duration` seconds. Every loop is bounded by the
 * clock; a request still running at the end is awaited, not abandoned. Reports requests/s, the
 * error count, latency percentiles and the server's peak RSS (target: no errors, RSS < 300 MB).
 */
import { summarise } from '../LatencyStats';
import { w1Variants } from './w1EntityHistory';
import { w2Variant } from './w2StarterAggregation';
import { w3Variant } from './w3AtlasAdmin';
import type { HttpCall, WorkloadContext } from './WorkloadContext';
import { skippedResult, type WorkloadResult } from './WorkloadResult';

export function mixedCalls(ctx: WorkloadContext): HttpCall[] {
  const { hot, cold } = w1Variants(ctx);
  const w2 = w2Variant(ctx);
  const w3 = w3Variant(ctx);
  return [...hot, ...cold, ...(w2 ? [w2] : []), ...(w3 ? [w3] : [])].map((v) => v.http);
}

export async function runW6(ctx: WorkloadContext): Promise<WorkloadResult> {
  const { mixedClients: clients, mixedSeconds: seconds } = ctx.options;
  const title = `Mixed W1–W3, ${clients} concurrent clients, ${seconds} s`;
  const calls = mixedCalls(ctx);
  if (calls.length === 0) return skippedResult('W6', title, 'the dataset feeds none of W1–W3');
  const latencies: number[] = [];
  const byLabel = new Map<string, number[]>();
  let errors = 0;
  let firstError: string | undefined;
  ctx.gateway.resetPeakRss();
  const start = performance.now();
  const end = start + seconds * 1000;
  const client = async (n: number) => {
    // clients start at different points of the list, so every request kind is always in flight
    for (let i = n; performance.now() < end; i++) {
      const call = calls[i % calls.length]!;
      const t0 = performance.now();
      try {
        await ctx.gateway.client.send({
          method: call.method,
          path: call.path,
          token: ctx.tokens.read,
          ...(call.body !== undefined ? { json: call.body } : {}),
        });
        const ms = performance.now() - t0;
        latencies.push(ms);
        const list = byLabel.get(call.label) ?? [];
        list.push(ms);
        byLabel.set(call.label, list);
      } catch (e) {
        errors++;
        firstError ??= e instanceof Error ? e.message : String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  const wall = performance.now() - start;
  const perKind = Object.fromEntries(
    [...byLabel.entries()].map(([label, xs]) => {
      const s = summarise(xs, 0, wall);
      return [label, { count: s.count, p50: s.p50, p99: s.p99 }];
    }),
  );
  return {
    id: 'W6',
    title,
    gateway: summarise(latencies, errors, wall, firstError),
    peakRssMiB: ctx.gateway.peakRssMiB(),
    extra: { clients, seconds, perKind },
  };
}

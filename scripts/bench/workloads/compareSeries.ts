/**
 * One gateway-versus-SQL comparison: the same list of variants (e.g. hot and cold entities) asked
 * round-robin, first through HTTP, then as SQL, each with its own warm-up.
 */
import type { LatencyStats } from '../LatencyStats';
import { measureSeries } from '../measureSeries';
import type { HttpCall, WorkloadContext } from './WorkloadContext';

export interface SqlCall {
  readonly sql: string;
  readonly bindings: readonly unknown[];
}

export interface Variant {
  readonly http: HttpCall;
  /** several statements run concurrently, each on its own connection (as the gateway may) */
  readonly sql: SqlCall | readonly SqlCall[];
}

export interface Comparison {
  readonly gateway: LatencyStats;
  readonly sql: LatencyStats;
}

/** the measured part of one series may take at most this long, whatever --iterations says */
const SERIES_BUDGET_MS = 120_000;

export function httpOp(ctx: WorkloadContext, call: HttpCall): () => Promise<void> {
  return async () => {
    await ctx.gateway.client.send({
      method: call.method,
      path: call.path,
      token: ctx.tokens.read,
      ...(call.body !== undefined ? { json: call.body } : {}),
    });
  };
}

export function sqlCalls(call: SqlCall | readonly SqlCall[]): readonly SqlCall[] {
  return 'sql' in call ? [call] : call;
}

export function sqlOp(
  ctx: WorkloadContext,
  call: SqlCall | readonly SqlCall[],
): () => Promise<void> {
  const calls = sqlCalls(call);
  return async () => {
    await Promise.all(calls.map((c) => ctx.db.raw(c.sql, c.bindings as never[])));
  };
}

export async function compareSeries(
  ctx: WorkloadContext,
  variants: readonly Variant[],
  iterations = ctx.options.iterations,
): Promise<Comparison> {
  const http = variants.map((v) => httpOp(ctx, v.http));
  const sql = variants.map((v) => sqlOp(ctx, v.sql));
  const opts = { iterations, warmup: Math.min(20, iterations), maxMs: SERIES_BUDGET_MS };
  const gateway = await measureSeries((i) => http[i % http.length]!(), opts);
  const direct = await measureSeries((i) => sql[i % sql.length]!(), opts);
  return { gateway, sql: direct };
}

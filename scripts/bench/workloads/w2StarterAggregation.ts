/**
 * W2, the Atlan docs' starter aggregation (spec/atlan-auditsearch.md case 42): size 0, top 20 users,
 * top actions, a daily histogram, over the dataset's last 30 days (an absolute bound: the dataset
 * ends when it was generated, so `now-30d` could select nothing). The SQL is one scan with
 * GROUPING SETS; the top-20 cut and gap filling are left to the client, as the gateway does them.
 * Its plan is reported too: this workload is the next frontier (issue: W2 figure and plan).
 */
import { compareSeries, type Variant } from './compareSeries';
import type { WorkloadContext } from './WorkloadContext';
import { ratio, skippedResult, type WorkloadResult } from './WorkloadResult';

const SQL = `SELECT actor, action, date_trunc('day', recorded_at) AS day, count(*) AS n,
         GROUPING(actor, action, date_trunc('day', recorded_at)) AS g
  FROM audit_events
  WHERE tenant = ? AND family = 'entity' AND recorded_at >= ?
  GROUP BY GROUPING SETS ((actor), (action), (date_trunc('day', recorded_at)), ())`;

/** undefined when the dataset has no entity events */
export function w2Variant(ctx: WorkloadContext): Variant | undefined {
  if (ctx.samples.hotEntities.length === 0) return undefined;
  const from = ctx.samples.entityWindowStart;
  const dsl = {
    size: 0,
    query: { bool: { filter: [{ range: { created: { gte: from } } }] } },
    aggs: {
      by_user: { terms: { field: 'user', size: 20 } },
      by_action: { terms: { field: 'action', size: 20 } },
      by_day: { date_histogram: { field: 'created', calendar_interval: '1d' } },
    },
    track_total_hits: true,
  };
  return {
    http: {
      label: 'W2',
      method: 'POST',
      path: '/api/meta/entity/auditSearch',
      body: JSON.stringify({ dsl }),
    },
    sql: { sql: SQL, bindings: [ctx.samples.tenant, new Date(from).toISOString()] },
  };
}

export async function runW2(ctx: WorkloadContext): Promise<WorkloadResult> {
  const title = 'Atlan starter aggregation (users 20, actions, daily histogram, 30 days)';
  const v = w2Variant(ctx);
  if (!v) return skippedResult('W2', title, 'the dataset has no Atlan entity events');
  ctx.gateway.resetPeakRss();
  // heavier than W1/W3: fewer iterations keep the run within its few minutes
  const iterations = Math.max(5, Math.floor(ctx.options.iterations / 4));
  const r = await compareSeries(ctx, [v], iterations);
  const plan = await ctx.db.raw<{ rows: { 'QUERY PLAN': string }[] }>(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${SQL}`,
    v.sql.bindings as never[],
  );
  return {
    id: 'W2',
    title,
    gateway: r.gateway,
    sql: r.sql,
    ratio: ratio(r.gateway.p50, r.sql.p50),
    peakRssMiB: ctx.gateway.peakRssMiB(),
    extra: {
      from: new Date(ctx.samples.entityWindowStart).toISOString(),
      sqlPlan: plan.rows.map((row) => row['QUERY PLAN']),
    },
  };
}

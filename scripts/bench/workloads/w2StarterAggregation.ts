/**
 * W2, the Atlan docs' starter aggregation (spec/atlan-auditsearch.md case 42): size 0, top 20 users,
 * top actions, a daily histogram, over the dataset's last 30 days (an absolute bound: the dataset
 * ends when it was generated, so `now-30d` could select nothing). The SQL is three concurrent
 * GROUP BYs; histogram gap filling is left to the client, as the gateway does it in TypeScript.
 * Its plan is reported too: this workload is the next frontier (issue: W2 figure and plan).
 */
import { compareSeries, sqlCalls, type Variant } from './compareSeries';
import type { WorkloadContext } from './WorkloadContext';
import { ratio, skippedResult, type WorkloadResult } from './WorkloadResult';

const WHERE = `tenant = ? AND family = 'entity' AND recorded_at >= ?`;

/**
 * Three GROUP BYs run concurrently: the top-20 users, the actions, the days (whose sum is the
 * total). One GROUPING SETS scan was slower than the gateway at 1M events: its sort by actor
 * spilled to disk, and one statement cannot use three connections.
 */
const STATEMENTS = [
  `SELECT actor, count(*) AS n FROM audit_events WHERE ${WHERE}
   GROUP BY actor ORDER BY n DESC, actor LIMIT 20`,
  `SELECT action, count(*) AS n FROM audit_events WHERE ${WHERE}
   GROUP BY action ORDER BY n DESC, action`,
  `SELECT date_trunc('day', recorded_at) AS day, count(*) AS n FROM audit_events WHERE ${WHERE}
   GROUP BY 1 ORDER BY 1`,
];

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
    sql: STATEMENTS.map((sql) => ({
      sql,
      bindings: [ctx.samples.tenant, new Date(from).toISOString()],
    })),
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
  const sqlPlans: string[][] = [];
  for (const c of sqlCalls(v.sql)) {
    const plan = await ctx.db.raw<{ rows: { 'QUERY PLAN': string }[] }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${c.sql}`,
      c.bindings as never[],
    );
    sqlPlans.push(plan.rows.map((row) => row['QUERY PLAN']));
  }
  return {
    id: 'W2',
    title,
    gateway: r.gateway,
    sql: r.sql,
    ratio: ratio(r.gateway.p50, r.sql.p50),
    peakRssMiB: ctx.gateway.peakRssMiB(),
    extra: {
      from: new Date(ctx.samples.entityWindowStart).toISOString(),
      sqlPlan: sqlPlans.flatMap((p, i) => [`-- statement ${i + 1}`, ...p]),
    },
  };
}

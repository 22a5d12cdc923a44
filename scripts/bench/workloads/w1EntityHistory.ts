/**
 * W1, entity history (DESIGN §6): Atlan auditSearch, term entityId, sort created desc, size 10, for
 * hot and cold entities. The SQL is what a hand-written service would send for the same answer: the
 * page, the total capped at 10,000 (track_total_hits absent, spec/atlan-auditsearch.md §4.4) and
 * the entity's current state for entityDetail, in one statement on the entity-history index.
 */
import { compareSeries, type Variant } from './compareSeries';
import type { WorkloadContext } from './WorkloadContext';
import { ratio, skippedResult, type WorkloadResult } from './WorkloadResult';

const SQL = `WITH hits AS (
    SELECT seq, entity_id, action, actor, type_name, entity_qualified_name, event_key,
           occurred_at, recorded_at, detail, headers
    FROM audit_events
    WHERE tenant = ? AND family = 'entity' AND entity_id = ?
    ORDER BY recorded_at DESC, seq
    LIMIT 10),
  total AS (
    SELECT count(*) AS n FROM (
      SELECT 1 FROM audit_events
      WHERE tenant = ? AND family = 'entity' AND entity_id = ?
      LIMIT 10001) capped)
  SELECT hits.*, total.n, e.attributes, e.classifications, e.labels, e.status
  FROM hits CROSS JOIN total
  LEFT JOIN entities e ON e.tenant = ? AND e.guid = hits.entity_id
  ORDER BY hits.recorded_at DESC, hits.seq`;

function variant(ctx: WorkloadContext, entityId: string, label: string): Variant {
  const dsl = {
    size: 10,
    query: { bool: { filter: [{ term: { entityId } }] } },
    sort: [{ created: { order: 'desc' } }],
  };
  const t = ctx.samples.tenant;
  return {
    http: {
      label,
      method: 'POST',
      path: '/api/meta/entity/auditSearch',
      body: JSON.stringify({ dsl }),
    },
    sql: { sql: SQL, bindings: [t, entityId, t, entityId, t] },
  };
}

/** hot then cold entities; empty when the dataset has no entity events */
export function w1Variants(ctx: WorkloadContext): { hot: Variant[]; cold: Variant[] } {
  return {
    hot: ctx.samples.hotEntities.map((e) => variant(ctx, e, 'W1 hot')),
    cold: ctx.samples.coldEntities.map((e) => variant(ctx, e, 'W1 cold')),
  };
}

export async function runW1(ctx: WorkloadContext): Promise<WorkloadResult> {
  const title = 'Atlan entity history (term entityId, created desc, size 10)';
  const { hotEntities, coldEntities } = ctx.samples;
  if (hotEntities.length === 0)
    return skippedResult('W1', title, 'the dataset has no Atlan entity events');
  ctx.gateway.resetPeakRss();
  const { hot, cold } = w1Variants(ctx);
  const half = Math.max(1, Math.floor(ctx.options.iterations / 2));
  const h = await compareSeries(ctx, hot, half);
  const c = await compareSeries(ctx, cold, half);
  const all = await compareSeries(ctx, [...hot, ...cold]);
  return {
    id: 'W1',
    title,
    gateway: all.gateway,
    sql: all.sql,
    ratio: ratio(all.gateway.p50, all.sql.p50),
    peakRssMiB: ctx.gateway.peakRssMiB(),
    extra: {
      hotEntities,
      coldEntities,
      hot: { gatewayP50: h.gateway.p50, sqlP50: h.sql.p50, ratio: ratio(h.gateway.p50, h.sql.p50) },
      cold: {
        gatewayP50: c.gateway.p50,
        sqlP50: c.sql.p50,
        ratio: ratio(c.gateway.p50, c.sql.p50),
      },
    },
  };
}

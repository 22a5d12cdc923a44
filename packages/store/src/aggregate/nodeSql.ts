/**
 * The one GROUP BY of a plan node. For `terms actor` under `date_histogram recordedAt`:
 *
 *   SELECT l0.k AS k0, lo.k AS k, count(*) AS v
 *   FROM audit_events AS e
 *   CROSS JOIN LATERAL (<histogram key of e>) AS l0
 *   CROSS JOIN LATERAL (SELECT x.k FROM (SELECT "e"."actor" AS k) x WHERE x.k IS NOT NULL) AS lo
 *   WHERE <scope AND where> AND <filter/nested conditions of ancestors>
 *   GROUP BY 1, 2
 *
 * Metrics replace `count(*)` by their aggregate over a LATERAL of the row's values; single-bucket
 * aggregations group by the ancestors only. PostgreSQL flattens the simple LATERALs into the scan.
 */
import { AuditError, type MetricType, type TermsAgg } from '@audit-gateway/ir';
import { frag, join, raw, type Fragment } from '../compile/frag';
import { keyOutput, valuesSelect, type ValueKind } from './aggFieldSql';
import { isMetric } from './emptyMetric';
import type { PlanNode } from './planAggregations';

const E = raw('audit_events AS e');

function fromClause(node: PlanNode, own: boolean): Fragment {
  const levels = node.levels.map(
    (l, i) => frag` CROSS JOIN LATERAL (${l.keys}) AS ${raw(`l${i}`)}`,
  );
  if (own && node.own) levels.push(frag` CROSS JOIN LATERAL (${node.own.keys}) AS lo`);
  return frag`${E}${join(levels, '')}`;
}

function ancestorColumns(node: PlanNode): Fragment[] {
  return node.levels.map((l, i) => frag`${keyOutput(l.kind, raw(`l${i}.k`))} AS ${raw(`k${i}`)}`);
}

/** Groups by the raw keys, so converting them (timestamps → epoch ms) happens once per group. */
function groupBy(node: PlanNode, own: boolean): Fragment {
  const refs = node.levels.map((_, i) => `l${i}.k`);
  if (own) refs.push('lo.k');
  return refs.length === 0 ? raw('') : raw(` GROUP BY ${refs.join(', ')}`);
}

/** `self`: a filter/nested node's own count also applies its own condition. */
function whereClause(rows: Fragment, node: PlanNode, self = false): Fragment {
  const own = self && node.cond ? [node.cond] : [];
  return frag` WHERE ${join([rows, ...node.conds, ...own], ' AND ')}`;
}

/** Bucket counts: (k0..kn-1, k, v = count). */
export function bucketCountSql(node: PlanNode, rows: Fragment): Fragment {
  const own = node.own;
  if (!own) throw AuditError.bug('bucket SQL for a field without values');
  const cols = [
    ...ancestorColumns(node),
    frag`${keyOutput(own.kind, raw('lo.k'))} AS k`,
    raw('count(*) AS v'),
  ];
  return frag`SELECT ${join(cols, ', ')} FROM ${fromClause(node, true)}${whereClause(rows, node)}${groupBy(node, true)}`;
}

/** Single-bucket counts: (k0..kn-1, v = count). */
export function docCountSql(node: PlanNode, rows: Fragment): Fragment {
  const cols = [...ancestorColumns(node), raw('count(*) AS v')];
  return frag`SELECT ${join(cols, ', ')} FROM ${fromClause(node, false)}${whereClause(rows, node, true)}${groupBy(node, false)}`;
}

/** Every key the field has among the caller's visible rows (`terms` with `min_doc_count: 0`). */
export function domainSql(node: PlanNode, visibleRows: Fragment): Fragment {
  if (!node.own) throw AuditError.bug('domain of a field without values');
  return frag`SELECT DISTINCT ${keyOutput(node.own.kind, raw('lo.k'))} AS k FROM ${E} CROSS JOIN LATERAL (${node.own.keys}) AS lo WHERE ${visibleRows}`;
}

function numeric(kind: ValueKind): Fragment {
  switch (kind) {
    case 'time':
      return raw('(extract(epoch FROM m.v) * 1000)');
    case 'number':
    case 'index':
      return raw('m.v::numeric');
    case 'json':
      return raw(`CASE WHEN jsonb_typeof(m.v) = 'number' THEN (m.v #>> '{}')::numeric END`);
    case 'text':
      throw AuditError.bug('a numeric metric on a keyword field');
  }
}

const METRIC_SQL: Readonly<Record<MetricType, (kind: ValueKind) => Fragment>> = {
  // min/max of timestamps compare the timestamps and convert the one winner
  min: (k) =>
    k === 'time' ? raw('(extract(epoch FROM min(m.v)) * 1000)') : frag`min(${numeric(k)})`,
  max: (k) =>
    k === 'time' ? raw('(extract(epoch FROM max(m.v)) * 1000)') : frag`max(${numeric(k)})`,
  avg: (k) => frag`avg(${numeric(k)})`,
  sum: (k) => frag`sum(${numeric(k)})`,
  value_count: () => raw('count(m.v)'),
  cardinality: () => raw('count(DISTINCT m.v)'),
};

/** Metric values: (k0..kn-1, v). */
export function metricSql(node: PlanNode, rows: Fragment): Fragment {
  const agg = node.agg;
  if (!isMetric(agg) || !node.values) throw AuditError.bug('metric SQL for a node without values');
  const values = valuesSelect(node.values, agg.missing);
  const cols = [...ancestorColumns(node), frag`${METRIC_SQL[agg.type](node.values.kind)} AS v`];
  return frag`SELECT ${join(cols, ', ')} FROM ${fromClause(node, false)} CROSS JOIN LATERAL (${values}) AS m${whereClause(rows, node)}${groupBy(node, false)}`;
}

/**
 * Top-level terms ranked in SQL: (k, v, total) for the first `size` buckets, `total` being the
 * doc counts of all eligible buckets (for sum_other_doc_count). Keyword columns are `COLLATE "C"`,
 * so `_key` order is binary here too.
 */
export function topTermsSql(node: PlanNode, agg: TermsAgg, rows: Fragment): Fragment {
  const order = agg.order.map((o) => {
    const dir = raw(o.dir === 'asc' ? 'ASC' : 'DESC');
    if (o.by === '_count') return frag`g.v ${dir}`;
    if (o.by === '_key')
      return node.own?.kind === 'text' ? frag`g.k COLLATE "C" ${dir}` : frag`g.k ${dir}`;
    throw AuditError.bug('terms ranked in SQL by a sub-aggregation');
  });
  const orderBy = order.length === 0 ? raw('g.k') : join(order, ', ');
  return frag`SELECT g.k, g.v, sum(g.v) OVER () AS total FROM (${bucketCountSql(node, rows)} HAVING count(*) >= ${agg.minDocCount}::bigint) AS g ORDER BY ${orderBy} LIMIT ${agg.size}::int`;
}

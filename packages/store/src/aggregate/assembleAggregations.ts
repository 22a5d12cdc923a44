/**
 * The TypeScript post-pass: from the indexed GROUP BY rows to `AggResult`s, per bucket path. It
 * fills histogram gaps, adds zero-count terms, applies include/exclude, min_doc_count, order (by
 * count, key or a sub-aggregation path) and size, computes sum_other_doc_count, and counts buckets.
 */
import {
  AuditError,
  type AggResult,
  type Bucket,
  type BucketOrderKey,
  type Scalar,
  type TermsAgg,
} from '@audit-gateway/ir';
import type { BucketBudget } from './BucketBudget';
import { encodeKeys } from './compareKeys';
import { emptyMetric, isMetric } from './emptyMetric';
import type { KeyCount, NodeData } from './executePlan';
import { fillHistogram } from './fillHistogram';
import { orderBuckets } from './orderBuckets';
import type { PlanNode } from './planAggregations';

export interface Assembly {
  readonly data: ReadonlyMap<PlanNode, NodeData>;
  readonly budget: BucketBudget;
}

export function assembleAll(
  plan: Readonly<Record<string, PlanNode>>,
  path: readonly Scalar[],
  asm: Assembly,
): Record<string, AggResult> {
  const out: Record<string, AggResult> = {};
  for (const [name, node] of Object.entries(plan)) out[name] = assemble(node, path, asm);
  return out;
}

function dataOf(node: PlanNode, asm: Assembly): NodeData {
  const d = asm.data.get(node);
  if (!d) throw AuditError.bug('aggregation node without data');
  return d;
}

function assemble(node: PlanNode, path: readonly Scalar[], asm: Assembly): AggResult {
  const agg = node.agg;
  const data = dataOf(node, asm);
  const at = encodeKeys(path);
  const bucketsOf = (list: readonly KeyCount[]): Bucket[] =>
    list.map((b) => ({ ...b, aggs: assembleAll(node.children, [...path, b.key], asm) }));
  switch (agg.type) {
    case 'terms':
      return terms(node, agg, data, path, asm, bucketsOf);
    case 'date_histogram': {
      const zone = node.zone;
      if (!zone) throw AuditError.bug('histogram without zone');
      const filled = fillHistogram(agg, zone, data.buckets.get(at) ?? [], asm.budget);
      const ordered = orderBuckets(filled, agg.order, (b, o) =>
        orderValue(node, [...path, b.key], o, asm),
      );
      asm.budget.take(ordered.length);
      return { type: 'date_histogram', buckets: bucketsOf(ordered) };
    }
    case 'filters': {
      const counts = new Map((data.buckets.get(at) ?? []).map((b) => [b.key, b.docCount]));
      const keys = agg.filters.map((f) => f.key);
      if (agg.otherBucketKey !== undefined) keys.push(agg.otherBucketKey);
      asm.budget.take(keys.length);
      return {
        type: 'filters',
        buckets: keys.map((key, i) => ({
          key,
          docCount: counts.get(i) ?? 0,
          aggs: assembleAll(node.children, [...path, i], asm),
        })),
      };
    }
    case 'filter':
    case 'nested':
      return {
        type: agg.type,
        docCount: data.values.get(at) ?? 0,
        aggs: assembleAll(node.children, path, asm),
      };
    case 'min':
    case 'max':
    case 'avg':
    case 'sum':
    case 'value_count':
    case 'cardinality': {
      const value = data.values.get(at);
      return { type: 'metric', metric: agg.type, value: value ?? emptyMetric(agg.type) };
    }
  }
}

function terms(
  node: PlanNode,
  agg: TermsAgg,
  data: NodeData,
  path: readonly Scalar[],
  asm: Assembly,
  bucketsOf: (list: readonly KeyCount[]) => Bucket[],
): AggResult {
  const kind = node.own?.kind;
  const norm = (v: Scalar): string =>
    encodeKeys([kind === 'text' ? String(v) : kind === 'json' ? v : Number(v)]);
  const include = agg.include ? new Set(agg.include.map(norm)) : undefined;
  const exclude = new Set((agg.exclude ?? []).map(norm));
  const wanted = (k: Scalar) => (!include || include.has(norm(k))) && !exclude.has(norm(k));
  const found = (data.buckets.get(encodeKeys(path)) ?? []).filter((b) => wanted(b.key));
  if (agg.minDocCount === 0) {
    const seen = new Set(found.map((b) => norm(b.key)));
    for (const k of data.domain)
      if (wanted(k) && !seen.has(norm(k))) found.push({ key: k, docCount: 0 });
  }
  const eligible = found.filter((b) => b.docCount >= agg.minDocCount);
  const ordered = orderBuckets(eligible, agg.order, (b, o) =>
    orderValue(node, [...path, b.key], o, asm),
  );
  const top = ordered.slice(0, agg.size);
  const returned = top.reduce((s, b) => s + b.docCount, 0);
  const other =
    data.eligibleTotal === undefined
      ? ordered.slice(agg.size).reduce((s, b) => s + b.docCount, 0)
      : data.eligibleTotal - returned;
  asm.budget.take(top.length);
  return { type: 'terms', buckets: bucketsOf(top), sumOtherDocCount: other };
}

/** A sub-aggregation value for ordering: walk single-bucket aggregations, then read the target. */
function orderValue(
  node: PlanNode,
  bucketPath: readonly Scalar[],
  o: Extract<BucketOrderKey, { by: 'agg' }>,
  asm: Assembly,
): number | null {
  let current = node;
  for (const name of o.path) {
    const child = Object.hasOwn(current.children, name) ? current.children[name] : undefined;
    if (!child) throw AuditError.bug(`order path ${o.path.join('>')} names no sub-aggregation`);
    current = child;
  }
  const value = dataOf(current, asm).values.get(encodeKeys(bucketPath));
  if (o.metric === 'doc_count') return value ?? 0;
  const agg = current.agg;
  if (!isMetric(agg)) throw AuditError.bug('order by a non-metric value');
  return value === undefined ? emptyMetric(agg.type) : value;
}

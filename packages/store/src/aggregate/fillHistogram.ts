/**
 * Histogram buckets of one parent bucket (spec §5.3): with min_doc_count 0, empty buckets for every
 * interval between the first and the last non-empty bucket only (never out to the query's range),
 * widened by `extended_bounds` (rounded with the interval but without `offset`, then shifted by it,
 * as ES does), clipped by `hard_bounds`; with min_doc_count ≥ 1, just the buckets that reach it.
 */
import type { DateHistogramAgg } from '@audit-gateway/ir';
import type { BucketBudget } from './BucketBudget';
import { nextKey, roundDate, type AggZone } from './dateRounding';
import type { KeyCount } from './executePlan';

export function fillHistogram(
  agg: DateHistogramAgg,
  zone: AggZone,
  found: readonly KeyCount[],
  budget: BucketBudget,
): KeyCount[] {
  if (agg.minDocCount > 0) return found.filter((b) => b.docCount >= agg.minDocCount);
  const counts = new Map(found.map((b) => [b.key as number, b.docCount]));
  const keys = [...counts.keys()].sort((a, b) => a - b);
  let lo = keys[0];
  let hi = keys[keys.length - 1];
  if (agg.extendedBounds) {
    const eMin = roundDate(agg.extendedBounds.min, agg.interval, zone, 0) + agg.offsetMs;
    const eMax = roundDate(agg.extendedBounds.max, agg.interval, zone, 0) + agg.offsetMs;
    lo = lo === undefined ? eMin : Math.min(lo, eMin);
    hi = hi === undefined ? eMax : Math.max(hi, eMax);
  }
  if (lo === undefined || hi === undefined) return [];
  const inHard = (k: number) =>
    !agg.hardBounds || (k >= agg.hardBounds.min && k < agg.hardBounds.max);
  const out: KeyCount[] = [];
  for (let k = lo; k <= hi; k = nextKey(k, agg.interval, zone, agg.offsetMs)) {
    if (!inHard(k)) continue;
    budget.ensure(out.length + 1);
    out.push({ key: k, docCount: counts.get(k) ?? 0 });
  }
  return out;
}

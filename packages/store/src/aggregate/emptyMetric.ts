import type { Aggregation, MetricAgg, MetricType } from '@audit-gateway/ir';

/** A metric over no values (spec §5.4): min/max/avg null, sum/value_count/cardinality 0. */
export function emptyMetric(type: MetricType): number | null {
  return type === 'min' || type === 'max' || type === 'avg' ? null : 0;
}

const METRICS: ReadonlySet<string> = new Set<MetricType>([
  'min',
  'max',
  'avg',
  'sum',
  'value_count',
  'cardinality',
]);

export function isMetric(agg: Aggregation): agg is MetricAgg {
  return METRICS.has(agg.type);
}

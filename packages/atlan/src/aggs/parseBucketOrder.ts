/**
 * Bucket `order` of terms and date_histogram (spec §5.2, §5.7): `_count`, `_key`, or a path to a
 * sub-aggregation through single-bucket aggregations (`recent>latest.value`). A final `_key asc`
 * tiebreak is appended unless the order already uses `_key`.
 */
import type { BucketOrder, SubAggs } from '@audit-gateway/ir';
import { dslError } from '../atlanErrors';
import { entries, isObject } from '../dsl/jsonValues';

const METRICS = new Set(['min', 'max', 'avg', 'sum', 'value_count', 'cardinality']);

export function parseBucketOrder(
  raw: unknown,
  subs: SubAggs,
  fallback: BucketOrder[],
): BucketOrder[] {
  if (raw === undefined || raw === null) return fallback;
  const items: unknown[] = Array.isArray(raw) ? raw : [raw];
  const order: BucketOrder[] = [];
  for (const item of items) {
    if (!isObject(item)) throw dslError('[order] must be an object or an array of objects');
    for (const [key, dirRaw] of entries(item)) {
      const dir = typeof dirRaw === 'string' ? dirRaw.toLowerCase() : '';
      if (dir !== 'asc' && dir !== 'desc') {
        throw dslError(`Unknown order direction [${String(dirRaw)}] for [${key}]`);
      }
      if (key === '_count') order.push({ by: '_count', dir });
      else if (key === '_key' || key === '_term' || key === '_time')
        order.push({ by: '_key', dir });
      else order.push({ ...subAggOrder(key, subs), dir });
    }
  }
  if (!order.some((o) => o.by === '_key')) order.push({ by: '_key', dir: 'asc' });
  return order;
}

function subAggOrder(
  path: string,
  subs: SubAggs,
): Omit<Extract<BucketOrder, { by: 'agg' }>, 'dir'> {
  const invalid = () =>
    dslError(`Invalid aggregator order path [${path}]`, 'aggregation_execution_exception');
  const steps = path.split('>');
  const last = steps.pop() ?? '';
  const dot = last.indexOf('.');
  const lastName = dot >= 0 ? last.slice(0, dot) : last;
  const suffix = dot >= 0 ? last.slice(dot + 1) : undefined;
  let level: SubAggs | undefined = subs;
  for (const step of steps) {
    const agg: SubAggs[string] | undefined =
      level && Object.hasOwn(level, step) ? level[step] : undefined;
    if (!agg || (agg.type !== 'filter' && agg.type !== 'nested')) throw invalid();
    level = agg.aggs ?? {};
  }
  const target = level && Object.hasOwn(level, lastName) ? level[lastName] : undefined;
  if (!target) throw invalid();
  const names = [...steps, lastName];
  if (METRICS.has(target.type)) {
    if (suffix !== undefined && suffix !== 'value') throw invalid();
    return { by: 'agg', path: names, metric: 'value' };
  }
  if (target.type === 'filter' || target.type === 'nested') {
    if (suffix !== undefined && suffix !== '_count' && suffix !== 'doc_count') throw invalid();
    return { by: 'agg', path: names, metric: 'doc_count' };
  }
  throw invalid();
}

/**
 * Aggregation results → the exact ES JSON Atlan passes through (spec §5): untyped keys, `meta`
 * echoed, `key_as_string` for date keys, booleans keyed 1/0, keyed histograms and filters as
 * objects. The bucket cap (65,536 over all levels, gap-filled buckets included) is checked here.
 */
import type { AggResult, Bucket } from '@audit-gateway/ir';
import { dslError } from '../atlanErrors';
import { MAX_BUCKETS } from '../aggs/AggContext';
import type { AggPlan, AggPlans, DateKeys } from '../aggs/AggPlan';
import { formatInstant } from '../dates/parseDateValue';
import { setKey } from './setKey';

type Results = Readonly<Record<string, AggResult>>;
type Json = Record<string, unknown>;

export function formatAggregations(results: Results, plans: AggPlans): Json {
  const count = countBuckets(results);
  if (count > MAX_BUCKETS) {
    throw dslError(
      `Trying to create too many buckets. Must be less than or equal to: [${MAX_BUCKETS}] but was [${count}].`,
      'too_many_buckets_exception',
    );
  }
  return formatLevel(results, plans);
}

function countBuckets(results: Results): number {
  let n = 0;
  for (const r of Object.values(results)) {
    if (r.type === 'terms' || r.type === 'date_histogram' || r.type === 'filters') {
      n += r.buckets.length;
      for (const b of r.buckets) n += countBuckets(b.aggs);
    } else if (r.type === 'filter' || r.type === 'nested') n += countBuckets(r.aggs);
  }
  return n;
}

function formatLevel(results: Results, plans: AggPlans): Json {
  const out: Json = {};
  for (const name of Object.keys(plans)) {
    const plan = plans[name] as AggPlan;
    const result = Object.hasOwn(results, name) ? results[name] : undefined;
    setKey(out, name, formatOne(plan, result));
  }
  return out;
}

function withMeta(plan: AggPlan, body: Json): Json {
  return plan.meta === undefined ? body : { meta: plan.meta, ...body };
}

function formatOne(plan: AggPlan, result: AggResult | undefined): Json {
  switch (plan.type) {
    case 'terms': {
      const r = result?.type === 'terms' ? result : { buckets: [], sumOtherDocCount: 0 };
      return withMeta(plan, {
        doc_count_error_upper_bound: 0,
        sum_other_doc_count: r.sumOtherDocCount,
        buckets: r.buckets.map((b) => ({
          ...keyOf(b, plan.dateKeys),
          doc_count: b.docCount,
          ...(plan.showDocCountError ? { doc_count_error_upper_bound: 0 } : {}),
          ...formatLevel(b.aggs, plan.subs),
        })),
      });
    }
    case 'date_histogram': {
      const buckets = plan.empty || result?.type !== 'date_histogram' ? [] : result.buckets;
      const rendered = buckets.map((b) => ({
        key_as_string: formatInstant(Number(b.key), plan.dateKeys.format, plan.dateKeys.zone),
        key: b.key,
        doc_count: b.docCount,
        ...formatLevel(b.aggs, plan.subs),
      }));
      if (!plan.keyed) return withMeta(plan, { buckets: rendered });
      const keyed: Json = {};
      for (const b of rendered) setKey(keyed, b.key_as_string, b);
      return withMeta(plan, { buckets: keyed });
    }
    case 'metric': {
      const value = result?.type === 'metric' ? result.value : emptyMetric(plan.metric);
      const dates = plan.dateValues;
      return withMeta(plan, {
        value,
        ...(dates && value !== null
          ? { value_as_string: formatInstant(Math.trunc(value), dates.format, dates.zone) }
          : {}),
      });
    }
    case 'filter':
    case 'nested': {
      const r = result?.type === 'filter' || result?.type === 'nested' ? result : undefined;
      return withMeta(plan, {
        doc_count: r?.docCount ?? 0,
        ...formatLevel(r?.aggs ?? {}, plan.subs),
      });
    }
    case 'filters': {
      const buckets = result?.type === 'filters' ? result.buckets : [];
      if (plan.keyed && !plan.anonymous) {
        const keyed: Json = {};
        for (const b of buckets)
          setKey(keyed, b.key, { doc_count: b.docCount, ...formatLevel(b.aggs, plan.subs) });
        return withMeta(plan, { buckets: keyed });
      }
      return withMeta(plan, {
        buckets: buckets.map((b) => ({
          ...(plan.anonymous ? {} : { key: b.key }),
          doc_count: b.docCount,
          ...formatLevel(b.aggs, plan.subs),
        })),
      });
    }
  }
}

function emptyMetric(metric: string): number | null {
  return metric === 'sum' || metric === 'value_count' || metric === 'cardinality' ? 0 : null;
}

/** Keyword keys as strings; date keys numeric plus key_as_string; booleans as 1/0 (spec §5.2). */
function keyOf(b: Bucket, dateKeys: DateKeys | undefined): Json {
  if (typeof b.key === 'boolean') return { key: b.key ? 1 : 0, key_as_string: String(b.key) };
  if (dateKeys && typeof b.key === 'number') {
    return { key: b.key, key_as_string: formatInstant(b.key, dateKeys.format, dateKeys.zone) };
  }
  return { key: b.key };
}

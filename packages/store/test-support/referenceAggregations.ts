/**
 * Test-only reference evaluator for aggregations: the same IR over an in-memory array of rows, one
 * row at a time, written from spec/atlan-auditsearch.md §5 without the compiler's plan. Only the
 * date rounding (`dateRounding.ts`) is shared: there the differential tests compare the SQL key
 * expression with the TypeScript rule.
 */
import {
  lookupField,
  type Aggregation,
  type AggField,
  type AggResult,
  type AuditQuery,
  type Bucket,
  type BucketOrder,
  type Family,
  type MetricType,
  type Scalar,
} from '@audit-gateway/ir';
import { compareKeys } from '../src/aggregate/compareKeys';
import { nextKey, parseZone, roundDate } from '../src/aggregate/dateRounding';
import {
  detailVisible,
  jsonLeaves,
  matches,
  type RefContext,
  type RefRow,
} from './aggMatchPredicate';

interface Env {
  readonly ctx: RefContext;
  readonly visible: readonly RefRow[];
  readonly inNested: boolean;
}

export function referenceAggregations(
  rows: readonly RefRow[],
  q: AuditQuery,
): Record<string, AggResult> {
  const ctx: RefContext = { family: q.family, detailScope: q.detailScope };
  const visible = rows.filter((r) => matches(q.scope, r, ctx));
  const matched = visible.filter((r) => matches(q.where, r, ctx));
  return evalAll(q.aggs ?? {}, matched, { ctx, visible, inNested: false });
}

function evalAll(
  aggs: Readonly<Record<string, Aggregation>>,
  rows: readonly RefRow[],
  env: Env,
): Record<string, AggResult> {
  const out: Record<string, AggResult> = {};
  for (const [name, agg] of Object.entries(aggs)) out[name] = evalAgg(agg, rows, env);
  return out;
}

function hasNestedDetail(row: RefRow, env: Env): boolean {
  const d = row.detail;
  return (
    env.ctx.family === 'entity' &&
    d !== null &&
    d !== undefined &&
    typeof d === 'object' &&
    !Array.isArray(d) &&
    detailVisible(row, env.ctx)
  );
}

/** The row's values of `field` in this context (§5.1: none outside their context). */
function valuesOf(field: AggField, row: RefRow, env: Env, missing?: Scalar): Scalar[] {
  let available = false;
  let vals: Scalar[] = [];
  if ('field' in field) {
    available = !env.inNested;
    const v = row[field.field];
    if (available && v !== null && v !== undefined) vals = [v as Scalar];
  } else if ('json' in field) {
    available = field.json === 'detail' ? env.inNested : !env.inNested;
    if (available && field.json === 'detail') vals = jsonLeaves(row.detail, field.path);
    if (available && field.json === 'headers')
      vals = jsonLeaves(row.headers, field.path).map((v) => String(v));
  }
  // a field without values in this context has no `missing` either: no buckets, empty metrics
  if (available && vals.length === 0 && missing !== undefined && missing !== null)
    vals = [normalise(field, missing, env.ctx.family)];
  return vals;
}

function normalise(field: AggField, v: Scalar, family: Family): Scalar {
  if ('field' in field) {
    // the rows' keyword values are strings and dates/numbers numbers; compare in the field's type
    const kind = lookupField(family, field.field)?.kind;
    return kind === 'keyword' ? String(v) : Number(v);
  }
  if ('json' in field && field.json === 'headers') return String(v);
  return v;
}

const same = (a: Scalar, b: Scalar) => compareKeys(a, b) === 0 && typeof a === typeof b;

function distinct(vals: readonly Scalar[]): Scalar[] {
  const out: Scalar[] = [];
  for (const v of vals) if (!out.some((o) => same(o, v))) out.push(v);
  return out;
}

function evalAgg(agg: Aggregation, rows: readonly RefRow[], env: Env): AggResult {
  switch (agg.type) {
    case 'terms':
      return evalTerms(agg, rows, env);
    case 'date_histogram':
      return evalHistogram(agg, rows, env);
    case 'filter':
      return {
        type: 'filter',
        docCount: rows.filter((r) => matches(agg.filter, r, env.ctx)).length,
        aggs: evalAll(
          agg.aggs ?? {},
          rows.filter((r) => matches(agg.filter, r, env.ctx)),
          env,
        ),
      };
    case 'nested': {
      const inner = rows.filter((r) => hasNestedDetail(r, env));
      return {
        type: 'nested',
        docCount: inner.length,
        aggs: evalAll(agg.aggs ?? {}, inner, { ...env, inNested: true }),
      };
    }
    case 'filters': {
      const keys = agg.filters.map((f) => f.key);
      const sets = agg.filters.map((f) => rows.filter((r) => matches(f.filter, r, env.ctx)));
      if (agg.otherBucketKey !== undefined) {
        keys.push(agg.otherBucketKey);
        sets.push(rows.filter((r) => agg.filters.every((f) => !matches(f.filter, r, env.ctx))));
      }
      return {
        type: 'filters',
        buckets: keys.map((key, i) => {
          const set = sets[i] ?? [];
          return { key, docCount: set.length, aggs: evalAll(agg.aggs ?? {}, set, env) };
        }),
      };
    }
    case 'min':
    case 'max':
    case 'avg':
    case 'sum':
    case 'value_count':
    case 'cardinality':
      return { type: 'metric', metric: agg.type, value: metric(agg.type, agg, rows, env) };
  }
}

function metric(
  type: MetricType,
  agg: Extract<Aggregation, { field: AggField }>,
  rows: readonly RefRow[],
  env: Env,
): number | null {
  const vals = rows.flatMap((r) => valuesOf(agg.field, r, env, agg.missing));
  const nums = vals.filter((v): v is number => typeof v === 'number');
  switch (type) {
    case 'min':
      return nums.length === 0 ? null : Math.min(...nums);
    case 'max':
      return nums.length === 0 ? null : Math.max(...nums);
    case 'avg':
      return nums.length === 0 ? null : nums.reduce((a, b) => a + b, 0) / nums.length;
    case 'sum':
      return nums.reduce((a, b) => a + b, 0);
    case 'value_count':
      return vals.length;
    case 'cardinality':
      return distinct(vals).length;
  }
}

function sortBuckets(buckets: Bucket[], order: readonly BucketOrder[]): Bucket[] {
  const value = (b: Bucket, path: readonly string[], m: 'value' | 'doc_count'): number | null => {
    let res: AggResult | undefined;
    let aggs = b.aggs;
    for (const name of path) {
      res = aggs[name];
      if (res && 'aggs' in res) aggs = res.aggs;
    }
    if (!res) return null;
    if (m === 'doc_count') return 'docCount' in res ? res.docCount : null;
    return res.type === 'metric' ? res.value : null;
  };
  const list = order.length > 0 ? order : [{ by: '_key', dir: 'asc' } as const];
  return [...buckets].sort((a, b) => {
    for (const o of list) {
      const s = o.dir === 'asc' ? 1 : -1;
      let c: number;
      if (o.by === '_count') c = s * (a.docCount - b.docCount);
      else if (o.by === '_key') c = s * compareKeys(a.key, b.key);
      else {
        const va = value(a, o.path, o.metric);
        const vb = value(b, o.path, o.metric);
        c =
          va === null || vb === null
            ? va === vb
              ? 0
              : va === null
                ? 1
                : -1
            : s * Math.sign(va - vb);
      }
      if (c !== 0) return c;
    }
    return 0;
  });
}

function evalTerms(
  agg: Extract<Aggregation, { type: 'terms' }>,
  rows: readonly RefRow[],
  env: Env,
): AggResult {
  const ok = (k: Scalar) =>
    (!agg.include || agg.include.some((i) => same(normalise(agg.field, i, env.ctx.family), k))) &&
    !(agg.exclude ?? []).some((x) => same(normalise(agg.field, x, env.ctx.family), k));
  const keyed = rows.map((r) => ({ r, keys: distinct(valuesOf(agg.field, r, env, agg.missing)) }));
  let keys = distinct(keyed.flatMap((x) => x.keys)).filter(ok);
  if (agg.minDocCount === 0) {
    const domainRows = env.inNested
      ? env.visible.filter((r) => hasNestedDetail(r, env))
      : env.visible;
    keys = distinct([
      ...keys,
      ...domainRows.flatMap((r) => valuesOf(agg.field, r, env, agg.missing)),
    ]).filter(ok);
  }
  const buckets: Bucket[] = keys.map((key) => {
    const set = keyed.filter((x) => x.keys.some((k) => same(k, key))).map((x) => x.r);
    return { key, docCount: set.length, aggs: evalAll(agg.aggs ?? {}, set, env) };
  });
  const eligible = sortBuckets(
    buckets.filter((b) => b.docCount >= agg.minDocCount),
    agg.order,
  );
  return {
    type: 'terms',
    buckets: eligible.slice(0, agg.size),
    sumOtherDocCount: eligible.slice(agg.size).reduce((s, b) => s + b.docCount, 0),
  };
}

function evalHistogram(
  agg: Extract<Aggregation, { type: 'date_histogram' }>,
  rows: readonly RefRow[],
  env: Env,
): AggResult {
  const zone = parseZone(agg.timeZone);
  const key = (t: number) => roundDate(t, agg.interval, zone, agg.offsetMs);
  const inHard = (k: number) =>
    !agg.hardBounds || (k >= agg.hardBounds.min && k < agg.hardBounds.max);
  const keyed = env.inNested
    ? []
    : rows
        .filter((r) => typeof r[agg.field] === 'number')
        .map((r) => ({ r, k: key(r[agg.field] as number) }))
        .filter((x) => inHard(x.k));
  let keys = [...new Set(keyed.map((x) => x.k))].sort((a, b) => a - b);
  if (agg.minDocCount === 0) {
    let lo = keys[0];
    let hi = keys[keys.length - 1];
    if (agg.extendedBounds) {
      const a = roundDate(agg.extendedBounds.min, agg.interval, zone, 0) + agg.offsetMs;
      const b = roundDate(agg.extendedBounds.max, agg.interval, zone, 0) + agg.offsetMs;
      lo = lo === undefined ? a : Math.min(lo, a);
      hi = hi === undefined ? b : Math.max(hi, b);
    }
    keys = [];
    if (lo !== undefined && hi !== undefined)
      for (let k = lo; k <= hi; k = nextKey(k, agg.interval, zone, agg.offsetMs))
        if (inHard(k)) keys.push(k);
  }
  const buckets: Bucket[] = keys.map((k) => {
    const set = keyed.filter((x) => x.k === k).map((x) => x.r);
    return { key: k, docCount: set.length, aggs: evalAll(agg.aggs ?? {}, set, env) };
  });
  return {
    type: 'date_histogram',
    buckets: sortBuckets(
      buckets.filter((b) => b.docCount >= Math.max(agg.minDocCount, 0)),
      agg.order,
    ),
  };
}

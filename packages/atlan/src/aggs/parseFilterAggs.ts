/** `filter`, `filters` (spec §5.5) and `nested` (§5.6). */
import type { FiltersAgg } from '@audit-gateway/ir';
import { dslError } from '../atlanErrors';
import { parseQuery } from '../dsl/clauses/parseQuery';
import { entries, isObject, readBoolean, readObject, readString } from '../dsl/jsonValues';
import type { AggContext } from './AggContext';
import type { AggTypeParser } from './AggTypeParser';

const queryIn = (node: unknown, ctx: AggContext, path: string) =>
  parseQuery(node, { now: ctx.now, fields: ctx.fields, depth: 1, path });

const withSubs = <T extends object>(agg: T, aggs: Record<string, unknown>) =>
  Object.keys(aggs).length > 0 ? { ...agg, aggs } : agg;

export const parseFilterAgg: AggTypeParser = {
  bucket: true,
  parse({ name, body, ctx, subs, meta }) {
    const filter = queryIn(body, ctx, `aggregation [${name}].filter`);
    return {
      agg: withSubs({ type: 'filter' as const, filter }, subs.aggs),
      plan: { type: 'filter', meta, subs: subs.plans },
    };
  },
};

export const parseFiltersAgg: AggTypeParser = {
  bucket: true,
  parse({ name, body, ctx, subs, meta }) {
    const params = readObject(body, 'filters');
    for (const key of Object.keys(params)) {
      if (!['filters', 'other_bucket', 'other_bucket_key', 'keyed'].includes(key)) {
        throw dslError(`[filters] unknown field [${key}]`, 'x_content_parse_exception');
      }
    }
    const raw = params.filters;
    const anonymous = Array.isArray(raw);
    if (!anonymous && !isObject(raw)) throw dslError('[filters] cannot be empty.');
    const list: [string, unknown][] = anonymous
      ? raw.map((q: unknown, i: number): [string, unknown] => [String(i), q])
      : // named buckets are listed by name in binary order (spec §5.5)
        entries(raw).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (list.length === 0) throw dslError('[filters] cannot be empty.');
    const otherKey =
      params.other_bucket_key === undefined || params.other_bucket_key === null
        ? undefined
        : readString(params.other_bucket_key, 'other_bucket_key');
    const other =
      params.other_bucket === undefined || params.other_bucket === null
        ? otherKey !== undefined
        : readBoolean(params.other_bucket, 'other_bucket');
    const keyed =
      params.keyed === undefined || params.keyed === null
        ? true
        : readBoolean(params.keyed, 'keyed');
    const agg: FiltersAgg = withSubs(
      {
        type: 'filters' as const,
        filters: list.map(([key, q]) => ({
          key,
          filter: queryIn(q, ctx, `aggregation [${name}].filters[${JSON.stringify(key)}]`),
        })),
        ...(other ? { otherBucketKey: otherKey ?? '_other_' } : {}),
      },
      subs.aggs,
    );
    return { agg, plan: { type: 'filters', meta, keyed, anonymous, subs: subs.plans } };
  },
};

export const parseNestedAgg: AggTypeParser = {
  bucket: true,
  subFields: 'nested',
  parse({ body, ctx, subs, meta }) {
    const params = readObject(body, 'nested');
    for (const key of Object.keys(params)) {
      if (key !== 'path')
        throw dslError(`[nested] unknown field [${key}]`, 'x_content_parse_exception');
    }
    if (ctx.fields === 'nested')
      throw dslError('[nested] a nested aggregation inside a nested aggregation is not supported');
    if (params.path !== 'detail') {
      throw dslError(
        `[nested] nested path [${String(params.path)}] not found`,
        'illegal_argument_exception',
      );
    }
    return {
      agg: withSubs({ type: 'nested' as const, path: 'detail' as const }, subs.aggs),
      plan: { type: 'nested', meta, subs: subs.plans },
    };
  },
};

/**
 * `aggs` / `aggregations` (spec §5.1): a dispatch table of aggregation types. Each definition has
 * exactly one type key, optional sub-aggregations and `meta`; anything else is a 400.
 */
import type { Aggregation } from '@audit-gateway/ir';
import { dslError } from '../atlanErrors';
import { entries, readObject, tokenName, type JsonObject } from '../dsl/jsonValues';
import { MAX_AGG_DEPTH, type AggContext } from './AggContext';
import type { AggPlan } from './AggPlan';
import type { AggTypeParser, ParsedAggs } from './AggTypeParser';
import { parseDateHistogram } from './parseDateHistogram';
import { parseFilterAgg, parseFiltersAgg, parseNestedAgg } from './parseFilterAggs';
import { metricParser } from './parseMetricAgg';
import { parseTermsAgg } from './parseTermsAgg';

const TYPES = new Map<string, AggTypeParser>([
  ['avg', metricParser('avg')],
  ['cardinality', metricParser('cardinality')],
  ['date_histogram', parseDateHistogram],
  ['filter', parseFilterAgg],
  ['filters', parseFiltersAgg],
  ['max', metricParser('max')],
  ['min', metricParser('min')],
  ['nested', parseNestedAgg],
  ['sum', metricParser('sum')],
  ['terms', parseTermsAgg],
  ['value_count', metricParser('value_count')],
]);
const SUPPORTED = [...TYPES.keys()].sort().join(', ');

const KNOWN_UNSUPPORTED = new Set([
  'histogram',
  'range',
  'date_range',
  'ip_range',
  'auto_date_histogram',
  'variable_width_histogram',
  'composite',
  'multi_terms',
  'significant_terms',
  'significant_text',
  'rare_terms',
  'missing',
  'global',
  'reverse_nested',
  'children',
  'parent',
  'sampler',
  'diversified_sampler',
  'random_sampler',
  'adjacency_matrix',
  'ip_prefix',
  'categorize_text',
  'frequent_item_sets',
  'top_hits',
  'top_metrics',
  'stats',
  'extended_stats',
  'string_stats',
  'matrix_stats',
  'boxplot',
  'rate',
  't_test',
  'percentiles',
  'percentile_ranks',
  'weighted_avg',
  'median_absolute_deviation',
  'scripted_metric',
  'bucket_sort',
  'bucket_script',
  'bucket_selector',
  'bucket_count_ks_test',
  'bucket_correlation',
  'derivative',
  'cumulative_sum',
  'cumulative_cardinality',
  'moving_avg',
  'moving_fn',
  'moving_percentiles',
  'normalize',
  'serial_diff',
  'inference',
  'change_point',
]);

function knownButUnsupported(type: string): boolean {
  return KNOWN_UNSUPPORTED.has(type) || type.startsWith('geo') || type.endsWith('_bucket');
}

export interface ParsedAggregations extends ParsedAggs {
  readonly aggs: Readonly<Record<string, Aggregation>>;
}

export function parseAggregations(raw: unknown, ctx: AggContext): ParsedAggregations {
  const obj = readObject(raw, 'aggregations');
  const aggs: Record<string, Aggregation> = {};
  const plans: Record<string, AggPlan> = {};
  for (const [name, def] of entries(obj)) {
    if (/[[\]>]/.test(name)) {
      throw dslError(
        `Invalid aggregation name [${name}]. Aggregation names can contain any character except '[', ']', and '>'`,
      );
    }
    if (ctx.depth > MAX_AGG_DEPTH) {
      throw dslError(`aggregations are nested too deeply; the maximum depth is [${MAX_AGG_DEPTH}]`);
    }
    const parsed = parseDefinition(name, readObject(def, name), ctx);
    Object.defineProperty(aggs, name, { value: parsed.agg, enumerable: true, writable: true });
    Object.defineProperty(plans, name, { value: parsed.plan, enumerable: true, writable: true });
  }
  return { aggs, plans };
}

function parseDefinition(name: string, def: JsonObject, ctx: AggContext) {
  let typeKey: string | undefined;
  let subsRaw: unknown;
  let meta: JsonObject | undefined;
  if ('aggs' in def && 'aggregations' in def) {
    throw dslError(`Found two sub aggregation definitions under [${name}]`);
  }
  for (const [key, value] of entries(def)) {
    if (key === 'aggs' || key === 'aggregations') subsRaw = value;
    else if (key === 'meta') meta = readObject(value, `${name}.meta`);
    else if (typeKey !== undefined) {
      throw dslError(
        `Found two aggregation type definitions in [${name}]: [${typeKey}] and [${key}]`,
      );
    } else typeKey = key;
  }
  if (typeKey === undefined) throw dslError(`Missing definition for aggregation [${name}]`);
  const parser = TYPES.get(typeKey);
  if (!parser) {
    throw dslError(
      knownButUnsupported(typeKey)
        ? `aggregation type [${typeKey}] is not supported; supported aggregation types are [${SUPPORTED}]`
        : `Unknown aggregation type [${typeKey}]; supported aggregation types are [${SUPPORTED}]`,
      'parsing_exception',
    );
  }
  const hasSubs = subsRaw !== undefined && subsRaw !== null;
  if (hasSubs && !parser.bucket) {
    throw dslError(
      `Aggregator [${name}] of type [${typeKey}] cannot accept sub-aggregations`,
      'aggregation_execution_exception',
    );
  }
  if (hasSubs && !(typeof subsRaw === 'object' && !Array.isArray(subsRaw))) {
    throw dslError(`[${name}] sub-aggregations must be an object, found ${tokenName(subsRaw)}`);
  }
  const subCtx: AggContext = {
    ...ctx,
    depth: ctx.depth + 1,
    fields: parser.subFields ?? ctx.fields,
  };
  const subs: ParsedAggs = hasSubs ? parseAggregations(subsRaw, subCtx) : { aggs: {}, plans: {} };
  return parser.parse({ name, body: def[typeKey], ctx, subs, ...(meta ? { meta } : {}) });
}

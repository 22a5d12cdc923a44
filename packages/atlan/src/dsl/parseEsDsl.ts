/**
 * The `dsl` object (spec §3.1) → one AuditQuery plus the aggregation render plans. `scope` and
 * `detailScope` are left as `all`: the server's search always overwrites them with the caller's
 * tenant and policies.
 */
import { all, type AuditQuery } from '@audit-gateway/ir';
import { dslError } from '../atlanErrors';
import type { AggPlans } from '../aggs/AggPlan';
import { parseAggregations } from '../aggs/parseAggregations';
import { parseQuery } from './clauses/parseQuery';
import { entries, tokenName, type JsonObject } from './jsonValues';
import { parseFromSize, parseTrackTotalHits } from './parsePaging';
import { parseSearchAfter, parseSort } from './parseSort';

export interface AtlanSearch {
  readonly query: AuditQuery;
  /** undefined when the request asked for no aggregations (response `aggregations: null`) */
  readonly aggPlans?: AggPlans;
}

const SUPPORTED = new Set([
  'query',
  'from',
  'size',
  'sort',
  'search_after',
  'track_total_hits',
  'post_filter',
  'aggs',
  'aggregations',
]);
// They change only parts of the ES answer Atlan discards, or scoring: entries are always complete.
const IGNORED = new Set([
  '_source',
  'stored_fields',
  'docvalue_fields',
  'fields',
  'highlight',
  'explain',
  'version',
  'seq_no_primary_term',
  'track_scores',
  'timeout',
  'profile',
  'stats',
  'indices_boost',
]);
const REJECTED = new Set([
  'script_fields',
  'runtime_mappings',
  'collapse',
  'rescore',
  'suggest',
  'min_score',
  'terminate_after',
  'pit',
  'slice',
  'knn',
  'rank',
  'retriever',
  'sub_searches',
]);

export function parseEsDsl(dsl: JsonObject, now: number): AtlanSearch {
  const given: Record<string, unknown> = {};
  for (const [key, value] of entries(dsl)) {
    if (SUPPORTED.has(key) || IGNORED.has(key)) {
      if (value !== null) given[key] = value;
    } else if (REJECTED.has(key)) {
      throw dslError(`[${key}] is not supported`, 'illegal_argument_exception');
    } else {
      throw dslError(`Unknown key for a ${tokenName(value)} in [${key}].`, 'parsing_exception');
    }
  }
  if (given.aggs !== undefined && given.aggregations !== undefined) {
    throw dslError(
      'Found two aggregation definitions: use either [aggs] or [aggregations], not both',
    );
  }
  const ctx = { now, fields: 'top' as const, depth: 1 };
  const where =
    given.query === undefined ? all() : parseQuery(given.query, { ...ctx, path: 'dsl.query' });
  const postFilter =
    given.post_filter === undefined
      ? undefined
      : parseQuery(given.post_filter, { ...ctx, path: 'dsl.post_filter' });
  const { from, size } = parseFromSize(given.from, given.size);
  const sort = parseSort(given.sort, now);
  const total = parseTrackTotalHits(given.track_total_hits);
  const afterRaw = given.search_after;
  if (afterRaw !== undefined && !Array.isArray(afterRaw)) {
    throw dslError(`[search_after] must be an array, found ${tokenName(afterRaw)}`);
  }
  const usesAfter = Array.isArray(afterRaw) && afterRaw.length > 0;
  if (usesAfter && from > 0) {
    throw dslError(
      '`from` parameter must be set to 0 when `search_after` is used',
      'illegal_argument_exception',
    );
  }
  const page = usesAfter
    ? { after: parseSearchAfter(afterRaw, sort, now), includeSeq: false, limit: size }
    : { offset: from, limit: size };
  const aggsRaw = given.aggs ?? given.aggregations;
  const parsedAggs =
    aggsRaw === undefined
      ? undefined
      : parseAggregations(aggsRaw, { now, fields: 'top', depth: 1 });
  const hasAggs = parsedAggs !== undefined && Object.keys(parsedAggs.aggs).length > 0;
  const query: AuditQuery = {
    family: 'entity',
    scope: all(),
    detailScope: all(),
    where,
    ...(postFilter ? { postFilter } : {}),
    sort: sort.keys,
    page,
    total,
    ...(hasAggs ? { aggs: parsedAggs.aggs } : {}),
  };
  return { query, ...(hasAggs ? { aggPlans: parsedAggs.plans } : {}) };
}

/**
 * The query dispatcher (spec §3.2, §3.6): one clause object with exactly one key, looked up in a
 * dispatch table. An unknown or unsupported type is a 400 naming what is supported — never
 * skipped, since a dropped clause would silently widen an audit query.
 */
import { AuditError, type Predicate } from '@audit-gateway/ir';
import { DSL_ERROR_CODE, dslError } from '../../atlanErrors';
import { isObject } from '../jsonValues';
import { MAX_QUERY_DEPTH, type QueryContext } from '../QueryContext';
import type { ClauseParser } from './ClauseParser';
import { parseBool } from './parseBool';
import { parseConstantScore } from './parseConstantScore';
import { parseExists } from './parseExists';
import { parseMatchAll, parseMatchNone } from './parseMatchAll';
import { parseNested } from './parseNested';
import { parseRange } from './parseRange';
import { parseMatch, parseTerm } from './parseTerm';
import { parseTerms } from './parseTerms';
import { parsePrefix, parseWildcard } from './parseTextQuery';

// A Map, not an object literal: a clause named "constructor" must not find Object.prototype.
const CLAUSES = new Map<string, ClauseParser>([
  ['bool', parseBool],
  ['constant_score', parseConstantScore],
  ['exists', parseExists],
  ['match', parseMatch],
  ['match_all', parseMatchAll],
  ['match_none', parseMatchNone],
  ['nested', parseNested],
  ['prefix', parsePrefix],
  ['range', parseRange],
  ['term', parseTerm],
  ['terms', parseTerms],
  ['wildcard', parseWildcard],
]);

const SUPPORTED = [...CLAUSES.keys()].sort().join(', ');

const KNOWN_UNSUPPORTED = new Set([
  'query_string',
  'simple_query_string',
  'regexp',
  'fuzzy',
  'ids',
  'script',
  'script_score',
  'function_score',
  'dis_max',
  'boosting',
  'match_phrase',
  'match_phrase_prefix',
  'match_bool_prefix',
  'multi_match',
  'combined_fields',
  'intervals',
  'terms_set',
  'more_like_this',
  'has_child',
  'has_parent',
  'parent_id',
  'percolate',
  'wrapper',
  'pinned',
  'distance_feature',
  'rank_feature',
  'knn',
  'shape',
  'sparse_vector',
  'text_expansion',
  'semantic',
  'rule',
  'type',
]);

function knownButUnsupported(name: string): boolean {
  return KNOWN_UNSUPPORTED.has(name) || name.startsWith('span_') || name.startsWith('geo_');
}

export function parseQuery(node: unknown, ctx: QueryContext): Predicate {
  try {
    return dispatch(node, ctx);
  } catch (e) {
    throw located(e, ctx.path);
  }
}

/** Adds the JSON path of the innermost failing clause to a DSL error (STYLE §3.2). */
function located(e: unknown, path: string): unknown {
  if (!AuditError.is(e) || e.extra.at !== undefined || e.native?.code !== DSL_ERROR_CODE) return e;
  const message = `${e.native.message ?? e.message} (at ${path})`;
  return new AuditError(e.code, message, {
    native: { ...e.native, message },
    extra: { ...e.extra, at: path },
  });
}

function dispatch(node: unknown, ctx: QueryContext): Predicate {
  if (ctx.depth > MAX_QUERY_DEPTH) {
    throw dslError(`query is nested too deeply; the maximum depth is [${MAX_QUERY_DEPTH}]`);
  }
  if (!isObject(node)) {
    throw dslError('[_na] query malformed, must start with start_object');
  }
  const keys = Object.keys(node);
  if (keys.length === 0) throw dslError('query malformed, empty clause found');
  if (keys.length > 1) {
    throw dslError(
      `[${keys[0]}] malformed query, expected [END_OBJECT] but found [FIELD_NAME] ([${keys[1]}])`,
    );
  }
  const name = keys[0] as string;
  const parse = CLAUSES.get(name);
  if (!parse) {
    throw dslError(
      knownButUnsupported(name)
        ? `query type [${name}] is not supported; supported query types are [${SUPPORTED}]`
        : `unknown query [${name}]; supported query types are [${SUPPORTED}]`,
    );
  }
  return parse(node[name], ctx, parseQuery);
}

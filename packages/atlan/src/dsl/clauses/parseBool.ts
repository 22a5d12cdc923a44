/**
 * `bool` (spec §3.5.9). We never score, so `must` and `filter` both become AND. `should` is
 * required only when something asks for it: with no must/filter clause at least one must match;
 * otherwise only `minimum_should_match` makes it count (ES 7+: should inside filter context does
 * not filter by itself).
 */
import { all, and, none, not, or, type Predicate } from '@audit-gateway/ir';
import { checkParams } from '../clauseParams';
import { readBoolean, readObject } from '../jsonValues';
import { deeper, type QueryContext } from '../QueryContext';
import type { ParseInner } from './ClauseParser';
import { minimumShouldMatch } from './minimumShouldMatch';

const OCCURS = ['must', 'filter', 'should', 'must_not'] as const;

export function parseBool(body: unknown, ctx: QueryContext, inner: ParseInner): Predicate {
  const params = readObject(body, 'bool');
  checkParams('bool', params, [...OCCURS, 'minimum_should_match', 'adjust_pure_negative']);
  const clauses = (key: (typeof OCCURS)[number]): Predicate[] => {
    const v = params[key];
    if (v === undefined || v === null) return [];
    const list: unknown[] = Array.isArray(v) ? v : [v];
    return list.map((c, i) =>
      inner(c, deeper(ctx, `.bool.${key}${Array.isArray(v) ? `[${i}]` : ''}`)),
    );
  };
  const required = [...clauses('must'), ...clauses('filter')];
  const should = clauses('should');
  const mustNot = clauses('must_not');
  const msmRaw = params.minimum_should_match;
  const msm =
    msmRaw === undefined || msmRaw === null ? 0 : minimumShouldMatch(msmRaw, should.length);
  const adjustPureNegative =
    params.adjust_pure_negative === undefined || params.adjust_pure_negative === null
      ? true
      : readBoolean(params.adjust_pure_negative, 'bool.adjust_pure_negative');

  if (required.length === 0 && should.length === 0 && mustNot.length === 0) return all();
  if (required.length === 0 && should.length === 0 && !adjustPureNegative) return none();
  const atLeast = msm > 0 ? msm : should.length > 0 && required.length === 0 ? 1 : 0;
  const shouldPart = atLeast === 0 ? all() : atLeast > should.length ? none() : or(should, atLeast);
  return and(...required, shouldPart, ...mustNot.map((p) => not(p)));
}

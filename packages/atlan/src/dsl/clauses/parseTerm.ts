/**
 * `term` and `match` (spec §3.5.2, §3.5.8): one field, a scalar value. On a keyword it is exact
 * equality, on a date an inclusive whole-unit range, on a detail leaf a typed equality; `match`
 * means the same here, because every keyword is one token and no analyser runs.
 */
import type { Predicate } from '@audit-gateway/ir';
import { dslError } from '../../atlanErrors';
import { resolveField } from '../atlanFields';
import { fieldValue, scalarValue, singleField } from '../clauseParams';
import { equalsPredicate } from '../fieldPredicates';
import { readBoolean } from '../jsonValues';
import type { QueryContext } from '../QueryContext';

export function parseTerm(body: unknown, ctx: QueryContext): Predicate {
  const { name, value: raw } = singleField('term', body);
  const { value, params } = fieldValue('term', raw, ['value', 'term'], ['case_insensitive']);
  const scalar = scalarValue('term', value);
  const caseInsensitive =
    params.case_insensitive === undefined
      ? false
      : readBoolean(params.case_insensitive, 'term.case_insensitive');
  return equalsPredicate(resolveField(name, ctx.fields), scalar, {
    query: 'term',
    caseInsensitive,
    now: ctx.now,
  });
}

const MATCH_NO_EFFECT = [
  'operator',
  'minimum_should_match',
  'zero_terms_query',
  'analyzer',
  'auto_generate_synonyms_phrase_query',
  'lenient',
];
const MATCH_FUZZY = [
  'fuzziness',
  'prefix_length',
  'max_expansions',
  'fuzzy_transpositions',
  'fuzzy_rewrite',
  'cutoff_frequency',
];

export function parseMatch(body: unknown, ctx: QueryContext): Predicate {
  const { name, value: raw } = singleField('match', body);
  const { value, params } = fieldValue(
    'match',
    raw,
    ['query'],
    [...MATCH_NO_EFFECT, ...MATCH_FUZZY],
  );
  const fuzzy = MATCH_FUZZY.find((p) => p in params);
  if (fuzzy) {
    throw dslError(`[match] query does not support [${fuzzy}]: fuzzy matching is not supported`);
  }
  const lenient =
    params.lenient === undefined ? false : readBoolean(params.lenient, 'match.lenient');
  return equalsPredicate(resolveField(name, ctx.fields), scalarValue('match', value), {
    query: 'match',
    caseInsensitive: false,
    now: ctx.now,
    lenient,
  });
}

import type { Predicate } from '@audit-gateway/ir';
import { dslError } from '../../atlanErrors';
import { checkParams } from '../clauseParams';
import { readObject } from '../jsonValues';
import { deeper, type QueryContext } from '../QueryContext';
import type { ParseInner } from './ClauseParser';

/** `constant_score` (spec §3.5.10): exactly what its filter matches. */
export function parseConstantScore(body: unknown, ctx: QueryContext, inner: ParseInner): Predicate {
  const params = readObject(body, 'constant_score');
  checkParams('constant_score', params, ['filter']);
  if (params.filter === undefined || params.filter === null) {
    throw dslError("[constant_score] requires a 'filter' element");
  }
  return inner(params.filter, deeper(ctx, '.constant_score.filter'));
}

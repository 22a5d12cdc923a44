/**
 * `nested` on `detail` (spec §3.5.11). A row matches when it has a detail object the credential
 * may see and the inner clause matches it; `detail` being one object per row, every condition of
 * the inner clause reads the same object. Detail visibility is applied by the compiler: a `json`
 * predicate treats a row outside `detailScope` as a row without detail.
 */
import { and, exists, none, type Predicate } from '@audit-gateway/ir';
import { dslError } from '../../atlanErrors';
import { checkParams } from '../clauseParams';
import { describe, readBoolean, readObject } from '../jsonValues';
import { deeper, type QueryContext } from '../QueryContext';
import type { ParseInner } from './ClauseParser';

const SCORE_MODES = ['avg', 'sum', 'min', 'max', 'none'];

/**
 * The row has a detail object the caller may see, `{}` included (spec §5.6: nested matches rows
 * with a detail object). The catalogue's `exists` on the `detail` column is exactly that: a JSON
 * object, inside `detailScope`.
 */
export const HAS_VISIBLE_DETAIL = exists('detail');

export function parseNested(body: unknown, ctx: QueryContext, inner: ParseInner): Predicate {
  const params = readObject(body, 'nested');
  checkParams('nested', params, ['path', 'query', 'score_mode', 'ignore_unmapped', 'inner_hits']);
  if (ctx.fields === 'nested') {
    throw dslError('[nested] a nested query inside a nested query is not supported');
  }
  if (params.score_mode !== undefined && !SCORE_MODES.includes(describe(params.score_mode))) {
    throw dslError(`[nested] query does not support score_mode [${describe(params.score_mode)}]`);
  }
  if (params.inner_hits !== undefined) readObject(params.inner_hits, 'nested.inner_hits');
  if (params.query === undefined || params.query === null) {
    throw dslError("[nested] requires 'query' field");
  }
  const ignoreUnmapped =
    params.ignore_unmapped === undefined
      ? false
      : readBoolean(params.ignore_unmapped, 'nested.ignore_unmapped');
  const innerPredicate = inner(params.query, { ...deeper(ctx, '.nested.query'), fields: 'nested' });
  if (params.path !== 'detail') {
    if (ignoreUnmapped) return none();
    throw dslError(
      `[nested] failed to find nested object under path [${String(params.path)}]`,
      'query_shard_exception',
    );
  }
  return and(HAS_VISIBLE_DETAIL, innerPredicate);
}

/**
 * AuditQuery → the SQL of one page of hits and of its total. Hits and totals range over
 * `family AND scope AND where AND postFilter` (aggregations, in ../aggregate, leave out postFilter).
 * The hits fetch `limit + 1` rows so the repository can tell whether more follow.
 *
 *   SELECT <columns> FROM audit_events AS "e"
 *   WHERE "e"."family" = ? AND (<scope>) AND (<where>) AND (<postFilter>) AND (<keyset or tail>)
 *   ORDER BY <sort> LIMIT ? [OFFSET ?]
 *
 * Every condition is compiled by `compileCondition`, so leaves outside `not` stay indexable.
 */
import { checkFields, type AuditQuery } from '@audit-gateway/ir';
import { fieldSpec, type CompileContext } from './column';
import { compileCondition, detailVisible } from './compilePredicate';
import { compileKeyset } from './compileKeyset';
import { compileSort } from './compileSort';
import { compileTail, tailOrder } from './compileTail';
import { frag, ident, join, raw, type Fragment } from './frag';
import { selectColumns } from './selectColumns';

export const ALIAS = 'e';

export interface CompiledQuery {
  readonly hits: Fragment;
  /** undefined for `total: 'none'`; a single row with `count` (int8, a decimal string) */
  readonly total?: Fragment;
}

export function contextOf(q: AuditQuery): CompileContext {
  return { family: q.family, alias: ALIAS, detailScope: q.detailScope };
}

/** `family AND scope AND where [AND postFilter]`, for WHERE positions. */
export function compileRows(q: AuditQuery, withPostFilter: boolean): Fragment {
  const ctx = contextOf(q);
  const parts = [
    frag`${ident(ALIAS)}.${ident(fieldSpec(ctx, 'family').column)} = ${q.family}`,
    compileCondition(q.scope, ctx),
    compileCondition(q.where, ctx),
  ];
  if (withPostFilter && q.postFilter) parts.push(compileCondition(q.postFilter, ctx));
  return join(
    parts.filter((p) => p.sql !== 'TRUE'),
    ' AND ',
  );
}

export function compileQuery(query: AuditQuery): CompiledQuery {
  const q = checkFields(query);
  const ctx = contextOf(q);
  const rows = compileRows(q, true);
  const from = frag`FROM audit_events AS ${ident(ALIAS)} WHERE ${rows}`;
  const page = q.page;
  const columns = selectColumns(ctx, detailVisible(ctx));
  let hits: Fragment;
  if ('tail' in page) {
    hits = frag`SELECT ${columns} ${from} AND ${compileTail(page.tail, ctx)} ORDER BY ${tailOrder(ctx)} LIMIT ${page.limit + 1}`;
  } else if ('after' in page) {
    hits = frag`SELECT ${columns} ${from} AND ${compileKeyset(q.sort, page.after, ctx)} ORDER BY ${compileSort(q.sort, ctx)} LIMIT ${page.limit + 1}`;
  } else {
    const offset = page.offset > 0 ? frag` OFFSET ${page.offset}` : raw('');
    hits = frag`SELECT ${columns} ${from} ORDER BY ${compileSort(q.sort, ctx)} LIMIT ${page.limit + 1}${offset}`;
  }
  return { hits, ...compileTotal(q, from) };
}

/** Exact: count everything. Capped at N: count at most N + 1 rows, enough to say "more than N". */
function compileTotal(q: AuditQuery, from: Fragment): { total?: Fragment } {
  if (q.total === 'none') return {};
  if (q.total === 'exact') return { total: frag`SELECT count(*) AS count ${from}` };
  return {
    total: frag`SELECT count(*) AS count FROM (SELECT 1 ${from} LIMIT ${q.total.cap + 1}) AS capped`,
  };
}

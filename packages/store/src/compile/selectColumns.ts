/**
 * The hit columns: every catalogue column of the family (plus the always-present ones), with
 * `detail` blanked outside `detailScope` and the flag that says so.
 *
 *   … "e"."detail" … → CASE WHEN <detailVisible> THEN "e"."detail" END AS "detail",
 *                      <detailVisible> AS "detail_visible"
 */
import { fieldsOf } from '@audit-gateway/ir';
import type { CompileContext } from './column';
import { frag, ident, join, raw, type Fragment } from './frag';

const ALWAYS = ['seq', 'external_id', 'tenant', 'environment', 'family', 'generation', 'txid'];

export function selectColumns(ctx: CompileContext, visible: Fragment): Fragment {
  const a = ident(ctx.alias);
  const names = new Set([...ALWAYS, ...fieldsOf(ctx.family).map((s) => s.column)]);
  const cols = [...names].map((name) => {
    if (name !== 'detail') return frag`${a}.${ident(name)}`;
    if (visible.sql === 'TRUE') return frag`${a}.${ident(name)}`;
    return frag`CASE WHEN ${visible} THEN ${a}.${ident(name)} END AS ${ident(name)}`;
  });
  const flag = ctx.family === 'entity' ? [frag`${visible} AS ${raw('"detail_visible"')}`] : [];
  return join([...cols, ...flag], ', ');
}

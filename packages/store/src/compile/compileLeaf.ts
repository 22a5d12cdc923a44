/**
 * Leaves over top-level columns. Each returns a plain SQL condition that may be NULL when the
 * column is NULL; `compilePredicate` makes it two-valued where that matters.
 *
 *   cmp(recordedAt lt 1700000000000) → "e"."recorded_at" < (TIMESTAMPTZ 'epoch' + ?::bigint * INTERVAL '1 millisecond')
 *   cmp(actor neq 'bob', nullMatches) → ("e"."actor" <> ?::text OR "e"."actor" IS NULL)
 *   inList(action, ['A', 'B'])        → "e"."action" IN (?::text, ?::text)
 *   exists(detail)                    → (<detailScope> AND jsonb_typeof("e"."detail") = 'object')
 */
import {
  AuditError,
  type Cmp,
  type CmpOp,
  type Exists,
  type In,
  type Text,
} from '@audit-gateway/ir';
import { column, fieldSpec, valueFor, type CompileContext } from './column';
import { frag, join, raw, type Fragment } from './frag';
import { textMatch } from './textMatch';

export const CMP_SQL: Readonly<Record<CmpOp, string>> = {
  eq: '=',
  neq: '<>',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};

export function compileCmp(p: Cmp, ctx: CompileContext): Fragment {
  const spec = fieldSpec(ctx, p.field);
  const col = column(ctx, p.field);
  const test = frag`${col} ${raw(CMP_SQL[p.cmp])} ${valueFor(spec, p.value)}`;
  return p.nullMatches ? frag`(${test} OR ${col} IS NULL)` : test;
}

export function compileIn(p: In, ctx: CompileContext): Fragment {
  if (p.values.length === 0) return raw('FALSE');
  const spec = fieldSpec(ctx, p.field);
  const values = join(
    p.values.map((v) => valueFor(spec, v)),
    ', ',
  );
  return frag`${column(ctx, p.field)} IN (${values})`;
}

export function compileText(p: Text, ctx: CompileContext): Fragment {
  const spec = fieldSpec(ctx, p.field);
  if (spec.kind !== 'keyword') throw AuditError.bug(`text match on ${spec.kind} field ${p.field}`);
  return textMatch(column(ctx, p.field), p.match, p.value, p.caseInsensitive === true);
}

export function compileExists(
  p: Exists,
  ctx: CompileContext,
  detailVisible: () => Fragment,
): Fragment {
  const spec = fieldSpec(ctx, p.field);
  const col = column(ctx, p.field);
  if (spec.kind !== 'json') return frag`${col} IS NOT NULL`;
  const isObject = frag`jsonb_typeof(${col}) = 'object'`;
  return spec.column === 'detail' && ctx.detailScope.op !== 'all'
    ? frag`(${detailVisible()} AND ${isObject})`
    : isObject;
}

/**
 * ORDER BY from the parser's sort keys (the last is always seq; the compiler appends nothing).
 *
 *   [recordedAt desc missing last, seq asc]  (entity: recorded_at is never NULL there)
 *   → "e"."recorded_at" DESC, "e"."seq" ASC
 *   [actor asc missing first, seq asc]       → "e"."actor" ASC NULLS FIRST, "e"."seq" ASC
 *   [actor asc missing {value:'m'}, seq asc] → COALESCE("e"."actor", ?::text) ASC, "e"."seq" ASC
 *
 * A column that is never NULL for the family gets no NULLS clause, so the ORDER BY matches the
 * indexes as written (`recorded_at DESC, seq` is `DESC NULLS FIRST`, which NULLS LAST would not be).
 */
import type { Scalar, SortKey } from '@audit-gateway/ir';
import { valueFor, type CompileContext } from './column';
import { sortColumn } from './sortKeyColumn';
import { frag, join, raw, type Fragment } from './frag';

/** How a key places rows without a value: at one end, or as if they had `value`. */
export type Placement = { readonly nulls: 'first' | 'last' | 'never' } & {
  readonly value?: Scalar;
};

export function placement(key: SortKey, ctx: CompileContext): Placement {
  if (sortColumn(ctx, key.field).notNull) return { nulls: 'never' };
  if (typeof key.missing === 'object') {
    // `missing: {value: null}` substitutes nothing: ES's default, last
    return key.missing.value === null
      ? { nulls: 'last' }
      : { nulls: 'never', value: key.missing.value };
  }
  return { nulls: key.missing };
}

export function sortExpr(key: SortKey, ctx: CompileContext): Fragment {
  const { expr, spec } = sortColumn(ctx, key.field);
  const p = placement(key, ctx);
  return p.value === undefined ? expr : frag`COALESCE(${expr}, ${valueFor(spec, p.value)})`;
}

export function compileSort(sort: readonly SortKey[], ctx: CompileContext): Fragment {
  return join(
    sort.map((key) => {
      const p = placement(key, ctx);
      const dir = key.dir === 'asc' ? 'ASC' : 'DESC';
      const nulls = p.nulls === 'never' ? '' : ` NULLS ${p.nulls === 'first' ? 'FIRST' : 'LAST'}`;
      return frag`${sortExpr(key, ctx)} ${raw(dir + nulls)}`;
    }),
    ', ',
  );
}

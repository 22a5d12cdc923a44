/**
 * The keyset condition: rows strictly after `after` in the sort order.
 *
 *   all keys one direction, none nullable (Atomic desc: recorded_at DESC, seq DESC)
 *   → ("e"."recorded_at", "e"."seq") < ((TIMESTAMPTZ 'epoch' + ?::bigint * …), ?::bigint)
 *   mixed directions (Atlan: recorded_at DESC, seq ASC) or nullable keys: the expanded form
 *   → ("e"."recorded_at" < ?) OR ("e"."recorded_at" = ? AND "e"."seq" > ?)
 *
 * The row comparison walks a matching index; the expanded form is the only correct one when
 * directions differ or a NULL has to sort at one end. `includeSeq: false` (Atlan search_after):
 * the tuple has no seq, and rows equal to it on every key are excluded.
 */
import { AuditError, type Scalar, type SortKey } from '@audit-gateway/ir';
import { valueFor, type CompileContext } from './column';
import { sortColumn } from './sortKeyColumn';
import { placement, sortExpr } from './compileSort';
import { frag, join, paren, raw, type Fragment } from './frag';

interface KeyPart {
  readonly expr: Fragment;
  readonly dir: 'asc' | 'desc';
  readonly nulls: 'first' | 'last' | 'never';
  /** where "no value" sorts for this key, even on a column that is never NULL (a cursor's null) */
  readonly noValueFirst: boolean;
  /** the bound value, or null when the previous row had no value here */
  readonly value: Fragment | null;
}

function parts(sort: readonly SortKey[], after: readonly Scalar[], ctx: CompileContext): KeyPart[] {
  return after.map((a, i) => {
    const key = sort[i];
    if (!key) throw AuditError.bug('keyset longer than the sort');
    const p = placement(key, ctx);
    const v = a === null ? (p.value ?? null) : a;
    return {
      expr: sortExpr(key, ctx),
      dir: key.dir,
      nulls: p.nulls,
      noValueFirst: key.missing === 'first',
      value: v === null ? null : valueFor(sortColumn(ctx, key.field).spec, v),
    };
  });
}

/** Strictly after the previous row's value on this key, NULLs placed at their end. */
function beyond(k: KeyPart): Fragment {
  const op = raw(k.dir === 'asc' ? '>' : '<');
  if (k.value === null) {
    // after a row without a value: nothing follows when NULLs come last, every value when first
    return k.noValueFirst ? frag`${k.expr} IS NOT NULL` : raw('FALSE');
  }
  const strictly = frag`${k.expr} ${op} ${k.value}`;
  return k.nulls === 'last' ? frag`(${strictly} OR ${k.expr} IS NULL)` : strictly;
}

function same(k: KeyPart): Fragment {
  return k.value === null ? frag`${k.expr} IS NULL` : frag`${k.expr} = ${k.value}`;
}

export function compileKeyset(
  sort: readonly SortKey[],
  after: readonly Scalar[],
  ctx: CompileContext,
): Fragment {
  const ks = parts(sort, after, ctx);
  if (ks.length === 0) return raw('FALSE'); // search_after with no keys: nothing is after nothing
  const first = ks[0] as KeyPart;
  const rowForm = ks.every((k) => k.nulls === 'never' && k.value !== null && k.dir === first.dir);
  if (rowForm) {
    const op = raw(first.dir === 'asc' ? '>' : '<');
    if (ks.length === 1) return frag`${first.expr} ${op} ${first.value}`;
    const left = join(
      ks.map((k) => k.expr),
      ', ',
    );
    const right = join(
      ks.map((k) => k.value as Fragment),
      ', ',
    );
    return frag`(${left}) ${op} (${right})`;
  }
  const alternatives = ks.map((k, i) =>
    paren(join([...ks.slice(0, i).map(same), beyond(k)], ' AND ')),
  );
  return paren(join(alternatives, ' OR '));
}

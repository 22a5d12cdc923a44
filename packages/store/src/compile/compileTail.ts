/**
 * The Atomic tail (spec/atomic-audit-log.md §8.3): strictly after the position in
 * (generation, txid, seq) order, and only rows whose transaction is final, i.e. below the horizon
 * of this statement's own snapshot, or of an older store generation.
 *
 *   → ("e"."generation", "e"."txid", "e"."seq") > (?::smallint, ?::xid8, ?::bigint)
 *     AND ("e"."generation" < (SELECT (value #>> '{}')::int FROM store_meta WHERE key = 'generation')
 *          OR "e"."txid" < (SELECT pg_snapshot_xmin(pg_current_snapshot())))
 *   ORDER BY "e"."generation", "e"."txid", "e"."seq"
 */
import type { TailKey } from '@audit-gateway/ir';
import type { CompileContext } from './column';
import { frag, ident, type Fragment } from './frag';

function col(ctx: CompileContext, name: string): Fragment {
  return frag`${ident(ctx.alias)}.${ident(name)}`;
}

export function compileTail(tail: TailKey | null, ctx: CompileContext): Fragment {
  // pg_snapshot_xmin is a property of the statement's snapshot, not a clock (DESIGN §2.3)
  const horizon = frag`(${col(ctx, 'generation')} < (SELECT (value #>> '{}')::int FROM store_meta WHERE key = 'generation') OR ${col(ctx, 'txid')} < (SELECT pg_snapshot_xmin(pg_current_snapshot())))`;
  if (tail === null) return horizon;
  const after = frag`(${col(ctx, 'generation')}, ${col(ctx, 'txid')}, ${col(ctx, 'seq')}) > (${tail.generation}::smallint, ${tail.txid}::xid8, ${tail.seq}::bigint)`;
  return frag`${after} AND ${horizon}`;
}

export function tailOrder(ctx: CompileContext): Fragment {
  return frag`${col(ctx, 'generation')}, ${col(ctx, 'txid')}, ${col(ctx, 'seq')}`;
}

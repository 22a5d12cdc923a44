/**
 * Where a compiled predicate reads its columns from. Columns come only from the catalogue
 * (`lookupField`), so no user string ever becomes an SQL identifier.
 */
import {
  AuditError,
  lookupField,
  type Family,
  type Field,
  type FieldSpec,
  type Predicate,
} from '@audit-gateway/ir';
import { frag, ident, raw, type Fragment } from './frag';

export interface CompileContext {
  readonly family: Family;
  /** the table alias of audit_events, "e" by convention */
  readonly alias: string;
  /** rows whose `detail` the caller may see; outside it a row has no detail */
  readonly detailScope: Predicate;
}

export function fieldSpec(ctx: CompileContext, field: Field): FieldSpec {
  const spec = lookupField(ctx.family, field);
  if (!spec)
    throw AuditError.bug(`field ${JSON.stringify(field)} is not in the ${ctx.family} catalogue`);
  return spec;
}

/** The quoted column of a catalogue field, e.g. `"e"."recorded_at"`. */
export function column(ctx: CompileContext, field: Field): Fragment {
  return frag`${ident(ctx.alias)}.${ident(fieldSpec(ctx, field).column)}`;
}

/** Columns that are never NULL for a family (schema NOT NULL + CHECK constraints). */
export function notNull(ctx: CompileContext, field: Field): boolean {
  const spec = fieldSpec(ctx, field);
  if (spec.column === 'recorded_at') return ctx.family !== 'admin';
  return ALWAYS_SET.has(spec.column) || (spec.column === 'environment' && ctx.family === 'request');
}

const ALWAYS_SET = new Set(['seq', 'tenant', 'family', 'generation', 'txid', 'occurred_at']);

/**
 * Earliest and latest epoch ms we hand to PostgreSQL: timestamptz spans 4713 BC to 294276 AD, and a
 * client may send any 64-bit bound (Atlas `startTime lt "9000000000000000000"`). Clamping keeps the
 * comparison's result for every storable row, since none lies beyond these instants.
 */
export const MIN_MS = -210_000_000_000_000;
export const MAX_MS = 9_000_000_000_000_000;

/**
 * A typed SQL value for a field of `spec`'s kind: dates are epoch ms, converted exactly (integer
 * milliseconds times an interval; `to_timestamp(float)` could be off by a microsecond).
 */
export function valueFor(spec: FieldSpec, value: unknown): Fragment {
  switch (spec.kind) {
    case 'keyword':
      return frag`${value}::text`;
    case 'date':
      if (value === null) return raw('NULL::timestamptz');
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw AuditError.bug(`date value ${JSON.stringify(value)} is not epoch ms`);
      return frag`(TIMESTAMPTZ 'epoch' + ${clampMs(value)}::bigint * INTERVAL '1 millisecond')`;
    case 'number':
      return frag`${value}::numeric`;
    case 'seq':
      return frag`${value}::bigint`;
    case 'txid':
      return frag`${value}::xid8`;
    case 'json':
      return frag`${value}::jsonb`;
  }
}

export function clampMs(ms: number): number {
  return Math.min(MAX_MS, Math.max(MIN_MS, Math.trunc(ms)));
}

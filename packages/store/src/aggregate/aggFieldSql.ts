/**
 * What an aggregation reads, as a LATERAL `SELECT` over the row of alias `e`: `k` rows (the row's
 * distinct keys, for terms) or `v` rows (its values, for metrics). A top-level field gives at most
 * one; a JSON path gives every scalar leaf (arrays flattened as `compileJson` does). A field that
 * has no values in this context (§5.1: `detail.*` outside `nested`, a top-level field inside it,
 * `{ none: true }`) gives `null`, and the caller produces no buckets / the empty metric.
 *
 *   terms actor        → SELECT x.k FROM (SELECT "e"."actor" AS k) x WHERE x.k IS NOT NULL
 *   terms detail.tags  → SELECT DISTINCT l.v AS k FROM jsonb_path_query("e"."detail", ?::jsonpath) AS l(v)
 *                        WHERE jsonb_typeof(l.v) IN ('string', 'number', 'boolean')
 */
import { AuditError, type AggField, type Scalar } from '@audit-gateway/ir';
import { column, fieldSpec, type CompileContext } from '../compile/column';
import { jsonPathFor } from '../compile/compileJson';
import { frag, raw, type Fragment } from '../compile/frag';

/**
 * What a key/value is in SQL: text, timestamptz (turned into epoch ms only after grouping), float8,
 * typed jsonb leaves, or a plain integer (filters bucket index).
 */
export type ValueKind = 'text' | 'time' | 'number' | 'json' | 'index';

export interface AggCtx {
  readonly compile: CompileContext;
  /** inside a `nested` aggregation: detail leaves have values, top-level fields do not */
  readonly inNested: boolean;
  /** inside `nested`: its condition (rows with a visible detail object) */
  readonly nestedCond?: Fragment;
}

export interface ValueSource {
  readonly kind: ValueKind;
  /** the value of one row; NULL when it has none (top-level fields) */
  readonly expr?: Fragment;
  /** the scalar leaves of one row (JSON paths); column `v` */
  readonly leaves?: Fragment;
}

const SCALAR = raw(`jsonb_typeof(l.v) IN ('string', 'number', 'boolean')`);

export function valueSource(field: AggField, ctx: AggCtx): ValueSource | null {
  if ('none' in field) return null;
  if ('field' in field) {
    if (ctx.inNested) return null;
    const spec = fieldSpec(ctx.compile, field.field);
    const col = column(ctx.compile, field.field);
    switch (spec.kind) {
      case 'keyword':
        return { kind: 'text', expr: col };
      case 'date':
        return { kind: 'time', expr: col };
      case 'number':
        return { kind: 'number', expr: frag`${col}::float8` };
      case 'json':
      case 'seq':
      case 'txid':
        throw AuditError.bug(`field ${field.field} cannot be aggregated`);
    }
  }
  if (field.json === 'detail' ? !ctx.inNested : ctx.inNested) return null;
  const src = frag`jsonb_path_query(${column(ctx.compile, field.json)}, ${jsonPathFor(field.path)}::jsonpath) AS l(v)`;
  // headers are keywords (spec §3.3): their leaves are text keys; detail leaves keep their JSON type
  return field.json === 'headers'
    ? { kind: 'text', leaves: frag`SELECT (l.v #>> '{}') AS v FROM ${src} WHERE ${SCALAR}` }
    : { kind: 'json', leaves: frag`SELECT l.v AS v FROM ${src} WHERE ${SCALAR}` };
}

/** `missing` as an SQL value of the source's kind. */
export function missingValue(kind: ValueKind, missing: Scalar): Fragment {
  switch (kind) {
    case 'text':
      return frag`${missing === null ? null : String(missing)}::text`;
    case 'time':
      return frag`(TIMESTAMPTZ 'epoch' + ${missing === null ? null : Math.trunc(Number(missing))}::bigint * INTERVAL '1 millisecond')`;
    case 'number':
      return frag`${missing === null ? null : Number(missing)}::float8`;
    case 'index':
      return frag`${missing}::int`;
    case 'json':
      return frag`${JSON.stringify(missing)}::jsonb`;
  }
}

/** The row's values, `v` rows, NULL-padded to one row when it has none (or `missing`). */
export function valuesSelect(src: ValueSource, missing: Scalar | undefined): Fragment {
  const fill = (v: Fragment) =>
    missing === undefined ? v : frag`COALESCE(${v}, ${missingValue(src.kind, missing)})`;
  if (src.expr) return frag`SELECT ${fill(src.expr)} AS v`;
  return frag`SELECT ${fill(raw('m0.v'))} AS v FROM (SELECT 1) AS d0 LEFT JOIN LATERAL (${src.leaves ?? raw('SELECT NULL AS v')}) AS m0 ON TRUE`;
}

/** The row's distinct non-NULL keys, column `k`. */
export function keysSelect(src: ValueSource, missing: Scalar | undefined): Fragment {
  // one value per row needs no DISTINCT, and without it PostgreSQL pulls the LATERAL into the scan
  const distinct = src.expr ? raw('') : raw('DISTINCT ');
  return frag`SELECT ${distinct}x.v AS k FROM (${valuesSelect(src, missing)}) AS x WHERE x.v IS NOT NULL`;
}

/** A key column as the outer query returns it: timestamps as epoch ms, after grouping. */
export function keyOutput(kind: ValueKind, ref: Fragment): Fragment {
  return kind === 'time' ? frag`(extract(epoch FROM ${ref}) * 1000)::bigint` : ref;
}

/** Decodes a key or value as pg returns it (int8 and numeric arrive as strings). */
export function decodeValue(kind: ValueKind, v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'text':
      return typeof v === 'string' ? v : JSON.stringify(v);
    case 'time':
    case 'number':
    case 'index':
      return Number(v);
    case 'json':
      return v as Scalar;
  }
}

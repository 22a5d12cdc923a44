/**
 * The reference evaluator (DESIGN §2.4): the same IR run over an in-memory array of canonical
 * rows, written from the IR's documented meaning rather than from the SQL. Two-valued throughout;
 * keywords compare by code point (COLLATE "C"); case folding is `toLowerCase()` (Unicode's default
 * mapping, as ICU `audit_fold`). The property tests compare it with the compiler on PostgreSQL.
 */
import {
  headerSortName,
  lookupField,
  sortFieldSpec,
  type FieldSpec,
  type AuditQuery,
  type CanonicalRow,
  type Family,
  type FieldKind,
  type JsonValue,
  type Predicate,
  type Scalar,
  type SortKey,
} from '@audit-gateway/ir';
import { CMP, isObject, jsonLeaves, leafMatches } from './referenceJson';
import { compareText, textMatches } from './referenceText';

export interface EvalContext {
  readonly family: Family;
  readonly detailScope: Predicate;
}

type Value = Scalar | JsonValue | undefined;

function kindOf(family: Family, field: string): FieldKind {
  const spec = lookupField(family, field);
  if (!spec) throw new Error(`reference: unknown field ${field}`);
  return spec.kind;
}

function fieldValue(row: CanonicalRow, field: string): Value {
  return (row as unknown as Record<string, Value>)[field] ?? null;
}

/** Compare two non-null values of one kind. */
export function compareValues(kind: FieldKind, a: Scalar, b: Scalar): number {
  switch (kind) {
    case 'keyword':
      return compareText(String(a), String(b));
    case 'seq':
    case 'txid': {
      const x = BigInt(String(a));
      const y = BigInt(String(b));
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'date':
    case 'number':
    case 'json':
      return Number(a) < Number(b) ? -1 : Number(a) > Number(b) ? 1 : 0;
  }
}

function detailVisible(row: CanonicalRow, ctx: EvalContext): boolean {
  return matches(ctx.detailScope, row, { ...ctx, detailScope: { op: 'all' } });
}

export function matches(p: Predicate, row: CanonicalRow, ctx: EvalContext): boolean {
  switch (p.op) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'and':
      return p.of.every((q) => matches(q, row, ctx));
    case 'or':
      return p.of.filter((q) => matches(q, row, ctx)).length >= (p.atLeast ?? 1);
    case 'not':
      return !matches(p.of, row, ctx);
    case 'cmp': {
      const v = fieldValue(row, p.field) as Scalar;
      if (v === null) return p.nullMatches === true;
      if (p.value === null) return false;
      return (CMP[p.cmp] as (c: number) => boolean)(
        compareValues(kindOf(ctx.family, p.field), v, p.value),
      );
    }
    case 'in': {
      const v = fieldValue(row, p.field) as Scalar;
      const kind = kindOf(ctx.family, p.field);
      return v !== null && p.values.some((x) => x !== null && compareValues(kind, v, x) === 0);
    }
    case 'text': {
      const v = fieldValue(row, p.field);
      return typeof v === 'string' && textMatches(v, p.match, p.value, p.caseInsensitive === true);
    }
    case 'exists': {
      const v = fieldValue(row, p.field);
      if (kindOf(ctx.family, p.field) !== 'json') return v !== null;
      return isObject(v) && (p.field !== 'detail' || detailVisible(row, ctx));
    }
    case 'json': {
      if (p.column === 'detail' && !detailVisible(row, ctx)) return false;
      const col = fieldValue(row, p.column) as JsonValue | null;
      if (col === null) return false;
      return jsonLeaves(col, p.path).some((leaf) => leafMatches(p.test, leaf));
    }
  }
}

/** A row's raw value for a sort field: a catalogue field, or one header (`headers.<name>`). */
export function sortFieldValue(family: Family, row: CanonicalRow, field: string): Scalar {
  const header = headerSortName(family, field);
  if (header === undefined) return fieldValue(row, field) as Scalar;
  const headers = row.headers;
  if (!isObject(headers) || !Object.hasOwn(headers, header)) return null;
  const v = headers[header];
  return v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);
}

/** A row's value for a sort key after `missing: {value}` substitution. */
function sortValue(key: SortKey, v: Scalar): Scalar {
  if (v === null && typeof key.missing === 'object') return key.missing.value;
  return v;
}

function nullsFirst(key: SortKey): boolean {
  return key.missing === 'first';
}

/** Position order of two values of one key: nulls at their end, then the key's direction. */
function compareKey(family: Family, key: SortKey, a: Scalar, b: Scalar): number {
  const x = sortValue(key, a);
  const y = sortValue(key, b);
  if (x === null || y === null) {
    if (x === y) return 0;
    const nullFirst = nullsFirst(key);
    return (x === null) === nullFirst ? -1 : 1;
  }
  const c = compareValues((sortFieldSpec(family, key.field) as FieldSpec).kind, x, y);
  return key.dir === 'asc' ? c : -c;
}

export function compareRows(q: AuditQuery, a: CanonicalRow, b: CanonicalRow): number {
  for (const key of q.sort) {
    const c = compareKey(
      q.family,
      key,
      sortFieldValue(q.family, a, key.field),
      sortFieldValue(q.family, b, key.field),
    );
    if (c !== 0) return c;
  }
  return 0;
}

function afterTuple(q: AuditQuery, row: CanonicalRow, after: readonly Scalar[]): boolean {
  for (const [i, a] of after.entries()) {
    const key = q.sort[i] as SortKey;
    const c = compareKey(q.family, key, sortFieldValue(q.family, row, key.field), a);
    if (c !== 0) return c > 0;
  }
  return false;
}

export interface ReferenceResult {
  readonly seqs: readonly string[];
  readonly hasMore: boolean;
  readonly total?: { readonly value: number; readonly relation: 'eq' | 'gte' };
  readonly detailVisible: readonly boolean[];
}

export interface TailState {
  readonly currentGeneration: number;
  /** pg_snapshot_xmin of the reading statement, as a decimal string */
  readonly horizon: string;
}

/** The rows a query selects: `family AND scope AND where [AND postFilter]`. */
export function selectRows(
  q: AuditQuery,
  rows: readonly CanonicalRow[],
  withPostFilter: boolean,
): CanonicalRow[] {
  const ctx = { family: q.family, detailScope: q.detailScope };
  return rows.filter(
    (r) =>
      r.family === q.family &&
      matches(q.scope, r, ctx) &&
      matches(q.where, r, ctx) &&
      (!withPostFilter || !q.postFilter || matches(q.postFilter, r, ctx)),
  );
}

export function evaluate(
  q: AuditQuery,
  rows: readonly CanonicalRow[],
  tail?: TailState,
): ReferenceResult {
  const ctx = { family: q.family, detailScope: q.detailScope };
  const selected = selectRows(q, rows, true);
  const count = selected.length;
  let page: CanonicalRow[];
  const p = q.page;
  if ('tail' in p) {
    if (!tail) throw new Error('reference: a tail page needs the tail state');
    const key = (r: CanonicalRow) => [BigInt(r.generation), BigInt(r.txid), BigInt(r.seq)];
    const cmp = (x: bigint[], y: bigint[]) => {
      for (let i = 0; i < 3; i++)
        if (x[i] !== y[i]) return (x[i] as bigint) < (y[i] as bigint) ? -1 : 1;
      return 0;
    };
    const from = p.tail
      ? [BigInt(p.tail.generation), BigInt(p.tail.txid), BigInt(p.tail.seq)]
      : null;
    page = selected
      .filter((r) => r.generation < tail.currentGeneration || BigInt(r.txid) < BigInt(tail.horizon))
      .filter((r) => from === null || cmp(key(r), from) > 0)
      .sort((a, b) => cmp(key(a), key(b)))
      .slice(0, p.limit + 1);
  } else {
    const sorted = [...selected].sort((a, b) => compareRows(q, a, b));
    page =
      'after' in p
        ? sorted.filter((r) => afterTuple(q, r, p.after)).slice(0, p.limit + 1)
        : sorted.slice(p.offset, p.offset + p.limit + 1);
  }
  const shown = page.slice(0, p.limit);
  const total =
    q.total === 'none'
      ? undefined
      : q.total === 'exact' || count <= q.total.cap
        ? { value: count, relation: 'eq' as const }
        : { value: q.total.cap, relation: 'gte' as const };
  return {
    seqs: shown.map((r) => r.seq),
    hasMore: page.length > p.limit,
    ...(total ? { total } : {}),
    detailVisible: shown.map((r) => r.family !== 'entity' || detailVisible(r, ctx)),
  };
}

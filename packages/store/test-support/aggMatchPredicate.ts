/**
 * Test-only: a predicate over one in-memory row (two-valued, as the compiler promises), enough for
 * the aggregation differential tests: all/none/and/or(atLeast)/not, cmp, in, exists, prefix text,
 * and json tests on detail/headers leaves. Keyword order is binary (code points).
 */
import {
  JSON_LEAF,
  lookupField,
  type Family,
  type JsonValue,
  type Predicate,
  type Scalar,
} from '@audit-gateway/ir';
import { compareBinary } from '../src/aggregate/compareKeys';

export type RefRow = Readonly<Record<string, JsonValue | undefined>>;

export interface RefContext {
  readonly family: Family;
  readonly detailScope: Predicate;
}

/** Flattens arrays up to four levels, as `jsonPathFor`'s `[*]` steps do. */
function flatten(v: JsonValue, depth = 4): JsonValue[] {
  if (Array.isArray(v) && depth > 0) return v.flatMap((x) => flatten(x, depth - 1));
  return [v];
}

/** Scalar leaves reached by `path` (arrays flattened, JSON nulls dropped). */
export function jsonLeaves(value: JsonValue | undefined, path: readonly string[]): Scalar[] {
  if (value === undefined || value === null) return [];
  let current = flatten(value);
  for (const key of path) {
    current = current.flatMap((v) =>
      v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, key)
        ? flatten(v[key] as JsonValue)
        : [],
    );
  }
  return current.filter(
    (v): v is string | number | boolean =>
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean',
  );
}

export function detailVisible(row: RefRow, ctx: RefContext): boolean {
  return matches(ctx.detailScope, row, { ...ctx, detailScope: { op: 'all' } });
}

function compare(a: Scalar, b: Scalar): number | null {
  if (typeof a === 'string' && typeof b === 'string') return compareBinary(a, b);
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return null;
}

function cmpHolds(op: string, c: number | null): boolean {
  if (c === null) return false;
  switch (op) {
    case 'eq':
      return c === 0;
    case 'neq':
      return c !== 0;
    case 'lt':
      return c < 0;
    case 'lte':
      return c <= 0;
    case 'gt':
      return c > 0;
    default:
      return c >= 0;
  }
}

function fieldValue(row: RefRow, field: string): Scalar {
  const v = row[field];
  return v === undefined ? null : (v as Scalar);
}

export function matches(p: Predicate, row: RefRow, ctx: RefContext): boolean {
  switch (p.op) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'and':
      return p.of.every((q) => matches(q, row, ctx));
    case 'or':
      return p.of.filter((q) => matches(q, row, ctx)).length >= (p.atLeast ?? 1) && p.of.length > 0;
    case 'not':
      return !matches(p.of, row, ctx);
    case 'cmp': {
      const v = fieldValue(row, p.field);
      if (v === null) return p.nullMatches === true;
      return cmpHolds(p.cmp, compare(v, p.value));
    }
    case 'in': {
      const v = fieldValue(row, p.field);
      return v !== null && p.values.some((x) => compare(v, x) === 0);
    }
    case 'exists': {
      const spec = lookupField(ctx.family, p.field);
      if (spec?.kind === 'json' && p.field === 'detail')
        return row.detail !== null && row.detail !== undefined && detailVisible(row, ctx);
      return fieldValue(row, p.field) !== null;
    }
    case 'text': {
      const v = fieldValue(row, p.field);
      if (typeof v !== 'string' || p.match !== 'prefix') return false;
      return v.startsWith(p.value);
    }
    case 'json': {
      if (p.column === 'detail' && !detailVisible(row, ctx)) return false;
      const leaves = jsonLeaves(row[p.column], p.path);
      return leaves.some((leaf) => matches(p.test, { [JSON_LEAF]: leaf }, ctx));
    }
  }
}

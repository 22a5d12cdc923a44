/**
 * JSON leaves for the reference evaluator: the documented meaning of `json` predicates (ES-style
 * array flattening, JSON nulls are not leaves, comparisons by JSON type), mirroring the jsonpath
 * steps of compileJson exactly, including how far arrays are flattened.
 */
import type { JsonValue, Predicate, Scalar } from '@audit-gateway/ir';
import { compareText, textMatches } from './referenceText';

/** How many array levels each jsonpath step flattens (compileJson's FLATTEN_DEPTH). */
export const FLATTEN_DEPTH = 4;

export const CMP: Record<string, (c: number) => boolean> = {
  eq: (c) => c === 0,
  neq: (c) => c !== 0,
  lt: (c) => c < 0,
  lte: (c) => c <= 0,
  gt: (c) => c > 0,
  gte: (c) => c >= 0,
};

export function isObject(v: unknown): v is Record<string, JsonValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function flatten(x: JsonValue, depth: number): JsonValue[] {
  return Array.isArray(x) && depth > 0 ? x.flatMap((y) => flatten(y, depth - 1)) : [x];
}

/** jsonpath lax member access: an array is unwrapped one level, non-objects yield nothing. */
function member(x: JsonValue, key: string): JsonValue[] {
  const from = Array.isArray(x) ? x : [x];
  return from.flatMap((el) =>
    isObject(el) && Object.hasOwn(el, key) ? [el[key] as JsonValue] : [],
  );
}

export function jsonLeaves(col: JsonValue, path: readonly string[]): JsonValue[] {
  let items = flatten(col, FLATTEN_DEPTH);
  for (const key of path) {
    items = items.flatMap((x) => member(x, key)).flatMap((x) => flatten(x, FLATTEN_DEPTH));
  }
  return items.filter((x) => x !== null);
}

function hasLeaf(v: JsonValue): boolean {
  if (Array.isArray(v)) return v.some(hasLeaf);
  if (isObject(v)) return Object.values(v).some(hasLeaf);
  return v !== null;
}

function leafCompare(op: string, leaf: JsonValue, value: Scalar): boolean {
  if (value === null || typeof leaf !== typeof value) return false;
  const c =
    typeof value === 'string'
      ? compareText(leaf as string, value)
      : Number(leaf) < Number(value)
        ? -1
        : Number(leaf) > Number(value)
          ? 1
          : 0;
  return (CMP[op] as (c: number) => boolean)(c);
}

export function leafMatches(p: Predicate, leaf: JsonValue): boolean {
  switch (p.op) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'and':
      return p.of.every((q) => leafMatches(q, leaf));
    case 'or':
      return p.of.filter((q) => leafMatches(q, leaf)).length >= (p.atLeast ?? 1);
    case 'not':
      return !leafMatches(p.of, leaf);
    case 'cmp':
      return leafCompare(p.cmp, leaf, p.value);
    case 'in':
      return p.values.some((v) => leafCompare('eq', leaf, v));
    case 'text':
      return (
        typeof leaf === 'string' && textMatches(leaf, p.match, p.value, p.caseInsensitive === true)
      );
    case 'exists':
      return hasLeaf(leaf);
    case 'json':
      throw new Error('reference: json inside json');
  }
}

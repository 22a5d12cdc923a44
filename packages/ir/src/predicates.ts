/**
 * Builders for IR predicates (STYLE §3.1): they flatten nested and/or, turn empty `or` and empty
 * `in` into `none`, empty `and` into `all`, and freeze the result. Parsers should use these.
 */
import type { CmpOp, Field, Predicate, Scalar, TextMatch } from './types';

const ALL: Predicate = Object.freeze({ op: 'all' });
const NONE: Predicate = Object.freeze({ op: 'none' });

export const all = (): Predicate => ALL;
export const none = (): Predicate => NONE;

export function and(...of: Predicate[]): Predicate {
  const flat: Predicate[] = [];
  for (const p of of) {
    if (p.op === 'all') continue;
    if (p.op === 'none') return NONE;
    if (p.op === 'and') flat.push(...p.of);
    else flat.push(p);
  }
  if (flat.length === 0) return ALL;
  if (flat.length === 1) return flat[0] as Predicate;
  return Object.freeze({ op: 'and', of: Object.freeze(flat) });
}

/** `atLeast` > 1 keeps the list as written (no flattening, which would change the count). */
export function or(of: Predicate[], atLeast = 1): Predicate {
  if (atLeast > 1) {
    if (atLeast > of.length) return NONE;
    return Object.freeze({ op: 'or', of: Object.freeze([...of]), atLeast });
  }
  const flat: Predicate[] = [];
  for (const p of of) {
    if (p.op === 'none') continue;
    if (p.op === 'all') return ALL;
    if (p.op === 'or' && (p.atLeast ?? 1) <= 1) flat.push(...p.of);
    else flat.push(p);
  }
  if (flat.length === 0) return NONE;
  if (flat.length === 1) return flat[0] as Predicate;
  return Object.freeze({ op: 'or', of: Object.freeze(flat) });
}

export function not(of: Predicate): Predicate {
  if (of.op === 'all') return NONE;
  if (of.op === 'none') return ALL;
  if (of.op === 'not') return of.of;
  return Object.freeze({ op: 'not', of });
}

export function cmp(
  field: Field,
  op: CmpOp,
  value: Scalar,
  options: { nullMatches?: boolean } = {},
): Predicate {
  return Object.freeze({
    op: 'cmp',
    field,
    cmp: op,
    value,
    ...(options.nullMatches ? { nullMatches: true } : {}),
  });
}

export function inList(field: Field, values: readonly Scalar[]): Predicate {
  if (values.length === 0) return NONE;
  return Object.freeze({ op: 'in', field, values: Object.freeze([...values]) });
}

export function text(
  field: Field,
  match: TextMatch,
  value: string,
  options: { caseInsensitive?: boolean } = {},
): Predicate {
  return Object.freeze({
    op: 'text',
    field,
    match,
    value,
    ...(options.caseInsensitive ? { caseInsensitive: true } : {}),
  });
}

export const prefix = (field: Field, value: string, options: { caseInsensitive?: boolean } = {}) =>
  text(field, 'prefix', value, options);

export function exists(field: Field): Predicate {
  return Object.freeze({ op: 'exists', field });
}

export function json(
  column: 'detail' | 'headers',
  path: readonly string[],
  test: Predicate,
): Predicate {
  return Object.freeze({ op: 'json', column, path: Object.freeze([...path]), test });
}

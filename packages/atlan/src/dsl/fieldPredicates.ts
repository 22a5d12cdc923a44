/**
 * Field-kind semantics shared by the clause parsers (spec §3.3): keyword equality and binary
 * ranges, dates as inclusive whole-unit ranges, `headers.<name>` as keyword JSON leaves, `detail`
 * leaves compared by JSON type, and unmapped fields matching nothing.
 */
import {
  JSON_LEAF,
  and,
  cmp,
  exists,
  json,
  none,
  or,
  text,
  type CmpOp,
  type Predicate,
  type Scalar,
  type TextMatch,
} from '@audit-gateway/ir';
import { dslError } from '../atlanErrors';
import { parseDateValue, tryParseDateValue } from '../dates/parseDateValue';
import type { AtlanField } from './atlanFields';
import { keywordText } from './clauseParams';

/** Escapes a literal for the IR's wildcard match (`*`, `?`, `\`). */
export function escapeWildcard(s: string): string {
  return s.replace(/[\\*?]/g, '\\$&');
}

/** A predicate on a keyword-like target: a column or a `headers.<name>` leaf. */
function onKeyword(f: AtlanField, leaf: (field: string) => Predicate): Predicate {
  if (f.kind === 'keyword') return leaf(f.field);
  if (f.kind === 'header') return json('headers', [f.header], leaf(JSON_LEAF));
  return none();
}

export interface EqualsOptions {
  readonly query: string;
  readonly caseInsensitive: boolean;
  readonly now: number;
  /** match `lenient`: an unparsable date matches nothing instead of a 400 */
  readonly lenient?: boolean;
}

export function equalsPredicate(
  f: AtlanField,
  value: string | number | boolean,
  o: EqualsOptions,
): Predicate {
  switch (f.kind) {
    case 'unmapped':
      return none();
    case 'keyword':
    case 'header': {
      const s = keywordText(value);
      if (s.includes(NUL)) return none(); // no stored text can hold U+0000 (PostgreSQL text)
      return onKeyword(f, (field) =>
        o.caseInsensitive
          ? text(field, 'wildcard', escapeWildcard(s), { caseInsensitive: true })
          : cmp(field, 'eq', s),
      );
    }
    case 'date': {
      if (o.caseInsensitive) {
        throw dslError(
          `[${o.query}] case_insensitive can not be applied to date field [${f.name}]`,
          'query_shard_exception',
        );
      }
      const base = { zone: 'UTC', now: o.now };
      if (o.lenient) {
        const lo = tryParseDateValue(value, { ...base, roundUp: false });
        const hi = tryParseDateValue(value, { ...base, roundUp: true });
        if (lo === undefined || hi === undefined) return none();
        return and(cmp(f.field, 'gte', lo), cmp(f.field, 'lte', hi));
      }
      const lo = parseDateValue(value, { ...base, roundUp: false });
      const hi = parseDateValue(value, { ...base, roundUp: true });
      return and(cmp(f.field, 'gte', lo), cmp(f.field, 'lte', hi));
    }
    case 'detail': {
      const leaves = typedLeafValues(value).filter(
        (v) => typeof v !== 'string' || !v.includes(NUL),
      );
      return json('detail', f.path, or(leaves.map((v) => cmp(JSON_LEAF, 'eq', v))));
    }
  }
}

const NUL = '\u0000';

/**
 * A text bound holding U+0000 cannot be bound as PostgreSQL text, and no stored value contains it.
 * With P the part before the first NUL, every stored x satisfies x ≥ s ⟺ x > P and x ≤ s ⟺ x ≤ P
 * (P + NUL + … is P's immediate successor among NUL-free strings), so the bound becomes P.
 */
function nulFreeBound(b: Bound | undefined, lower: boolean): Bound | undefined {
  if (!b || typeof b.value !== 'string' || !b.value.includes(NUL)) return b;
  return { value: b.value.slice(0, b.value.indexOf(NUL)), inclusive: !lower };
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The leaf values a DSL value can equal, one per JSON type it may be read as (spec §3.3). */
export function typedLeafValues(value: string | number | boolean): Scalar[] {
  if (typeof value === 'number') return [value, keywordText(value)];
  if (typeof value === 'boolean') return [value, keywordText(value)];
  const out: Scalar[] = [value];
  if (DECIMAL.test(value.trim())) out.push(Number(value));
  if (value === 'true' || value === 'false') out.push(value === 'true');
  return out;
}

export interface Bound {
  readonly value: Scalar;
  readonly inclusive: boolean;
}

/** Range bounds already resolved to column values (dates: epoch ms). */
export function rangePredicate(
  f: AtlanField,
  lowerBound: Bound | undefined,
  upperBound: Bound | undefined,
): Predicate {
  const lower = nulFreeBound(lowerBound, true);
  const upper = nulFreeBound(upperBound, false);
  const cmps = (field: string, lo?: Bound, hi?: Bound): Predicate[] => [
    ...(lo ? [cmp(field, lo.inclusive ? 'gte' : 'gt', lo.value)] : []),
    ...(hi ? [cmp(field, hi.inclusive ? 'lte' : 'lt', hi.value)] : []),
  ];
  switch (f.kind) {
    case 'unmapped':
      return none();
    case 'keyword':
    case 'date':
      return lower || upper ? and(...cmps(f.field, lower, upper)) : exists(f.field);
    case 'header':
      return json(
        'headers',
        [f.header],
        lower || upper ? and(...cmps(JSON_LEAF, lower, upper)) : exists(JSON_LEAF),
      );
    case 'detail': {
      if (!lower && !upper) return json('detail', f.path, exists(JSON_LEAF));
      const asText = (b?: Bound) => b && { ...b, value: scalarText(b.value) };
      const asNumber = (b?: Bound) => b && { ...b, value: Number(b.value) };
      const numeric = [lower, upper].every(
        (b) => !b || typeof b.value === 'number' || DECIMAL.test(String(b.value).trim()),
      );
      const tests = [and(...cmps(JSON_LEAF, asText(lower), asText(upper)))];
      if (numeric) tests.push(and(...cmps(JSON_LEAF, asNumber(lower), asNumber(upper))));
      return json('detail', f.path, or(tests));
    }
  }
}

function scalarText(v: Scalar): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** prefix / wildcard on keyword-like fields (spec §3.5.6, §3.5.7). */
export function textPredicate(
  query: 'prefix' | 'wildcard',
  f: AtlanField,
  value: string,
  caseInsensitive: boolean,
): Predicate {
  const match: TextMatch = query;
  // a literal U+0000 can be in no stored value (and cannot be bound as PostgreSQL text)
  if (value.includes(NUL) && f.kind !== 'date') return none();
  switch (f.kind) {
    case 'unmapped':
      return none();
    case 'date':
      throw dslError(
        query === 'prefix'
          ? `Can only use prefix queries on keyword and text fields - not on [${f.name}] which is of type [date]`
          : `Can only use wildcard queries on keyword, text and wildcard fields - not on [${f.name}] which is of type [date]`,
        'query_shard_exception',
      );
    case 'keyword':
    case 'header':
      return onKeyword(f, (field) => text(field, match, value, { caseInsensitive }));
    case 'detail':
      return json('detail', f.path, text(JSON_LEAF, match, value, { caseInsensitive }));
  }
}

export function existsPredicate(f: AtlanField): Predicate {
  switch (f.kind) {
    case 'unmapped':
      return none();
    case 'keyword':
    case 'date':
      return exists(f.field);
    case 'header':
      return json('headers', [f.header], exists(JSON_LEAF));
    case 'detail':
      // `detail` itself exists when the row has a (visible) detail object, `{}` included (§3.3);
      // a path below it exists when it yields a non-null leaf
      return f.path.length === 0 ? exists('detail') : json('detail', f.path, exists(JSON_LEAF));
  }
}

export type { CmpOp };

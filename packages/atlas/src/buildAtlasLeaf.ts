/**
 * One validated Atlas leaf → one IR predicate (spec/atlas-admin-audits.md §4.4–§4.9, §4.13), by a
 * dispatch table over the canonical operator. Values arrive as text (numbers and booleans already
 * converted); numeric attributes parse them as 64-bit integers, and a date bound outside the
 * storable range is decided here rather than sent to PostgreSQL (§4.5).
 *
 * Examples:
 *   userName like "admin"   → {"op":"text","field":"actor","match":"word","value":"admin"}
 *   clientId neq "10.0.0.7" → {"op":"cmp","field":"clientId","cmp":"neq","value":"10.0.0.7","nullMatches":true}
 *   startTime lt "9000000000000000000" → {"op":"exists","field":"occurredAt"}
 */
import {
  all,
  and,
  cmp,
  exists,
  inList,
  none,
  not,
  or,
  prefix,
  text,
  type CmpOp,
  type Predicate,
  type Scalar,
} from '@audit-gateway/ir';
import { invalidParameters } from './atlasErrors';
import { isNumericKind, type AtlasAttribute } from './atlasFields';
import {
  DATE_MAX_MS,
  DATE_MIN_MS,
  clampToDateRange,
  parseInt64,
  toCountScalar,
  trimAscii,
} from './atlasIntegers';
import type { AtlasOperator } from './atlasOperators';
import { namedTimeRange } from './namedTimeRanges';

/** §4.12: more items in one `in` list is a 400. */
export const MAX_IN_ITEMS = 1000;

type LeafBuilder = (attr: AtlasAttribute, value: string, now: number) => Predicate;

const comparison =
  (op: CmpOp): LeafBuilder =>
  (attr, value) =>
    isNumericKind(attr.kind)
      ? numericCmp(attr, op, integerValue(attr, value))
      : stringCmp(attr, op, value);

/**
 * PostgreSQL text cannot hold U+0000, so no stored value contains it, and sending it as a
 * parameter is an error. A value with NUL is decided here instead: it equals and contains nothing.
 */
const NUL = '\u0000';
const hasNul = (v: string) => v.includes(NUL);

/** A text test that no stored value can pass when `v` holds NUL. */
const textTest =
  (build: LeafBuilder): LeafBuilder =>
  (attr, value, now) =>
    hasNul(value) ? none() : build(attr, value, now);

const BUILDERS: ReadonlyMap<AtlasOperator, LeafBuilder> = new Map<AtlasOperator, LeafBuilder>([
  ['eq', comparison('eq')],
  ['neq', comparison('neq')],
  ['lt', comparison('lt')],
  ['lte', comparison('lte')],
  ['gt', comparison('gt')],
  ['gte', comparison('gte')],
  ['in', buildIn],
  // Atlas's `result` is not indexed, so only its substring re-check applies there (§4.7)
  ['like', textTest((a, v) => text(a.field, a.name === 'result' ? 'contains' : 'word', v))],
  ['contains', textTest((a, v) => text(a.field, 'contains', v))],
  ['startsWith', textTest((a, v) => prefix(a.field, v))],
  ['endsWith', textTest((a, v) => text(a.field, 'suffix', v))],
  // spelled out so a NULL attribute matches whatever the compiler does with the text leaf
  [
    'not_contains',
    (a, v) => (hasNul(v) ? all() : or([not(exists(a.field)), not(text(a.field, 'contains', v))])),
  ],
  ['isNull', (a) => not(exists(a.field))],
  ['notNull', (a) => exists(a.field)],
  [
    'notEmpty',
    (a) =>
      isNumericKind(a.kind) ? exists(a.field) : and(exists(a.field), cmp(a.field, 'neq', '')),
  ],
  ['timerange', buildTimeRange],
]);

export function buildAtlasLeaf(
  attr: AtlasAttribute,
  op: AtlasOperator,
  value: string,
  now: number,
): Predicate {
  const build = BUILDERS.get(op);
  if (!build) throw new Error(`buildAtlasLeaf: no builder for ${op}`); // the table covers the union
  return build(attr, value, now);
}

function notAnInteger(attr: AtlasAttribute, value: string) {
  return invalidParameters(`value '${value}' of attribute ${attr.name} is not an integer`);
}

function integerValue(attr: AtlasAttribute, value: string): bigint {
  const v = parseInt64(value);
  if (v === undefined) throw notAnInteger(attr, value);
  return v;
}

/**
 * With v = p + NUL + rest, every storable a compares with v as with p, except that a = p sorts
 * before v (U+0000 is the smallest character in binary order): a < v ⇔ a ≤ p, a > v ⇔ a > p.
 */
function stringCmp(attr: AtlasAttribute, op: CmpOp, v: string): Predicate {
  if (!hasNul(v)) return cmp(attr.field, op, v, { nullMatches: op === 'neq' });
  const p = v.slice(0, v.indexOf(NUL));
  switch (op) {
    case 'eq':
      return none();
    case 'neq':
      return all();
    case 'lt':
    case 'lte':
      return cmp(attr.field, 'lte', p);
    case 'gt':
    case 'gte':
      return cmp(attr.field, 'gt', p);
  }
}

function numericCmp(attr: AtlasAttribute, op: CmpOp, v: bigint): Predicate {
  const nullMatches = op === 'neq';
  if (attr.kind !== 'date') return cmp(attr.field, op, toCountScalar(v), { nullMatches });
  // Every stored date lies inside [DATE_MIN_MS, DATE_MAX_MS]; decide bounds outside it here.
  if (v > DATE_MAX_MS || v < DATE_MIN_MS) {
    const below = v > DATE_MAX_MS ? ['lt', 'lte'] : ['gt', 'gte'];
    if (below.includes(op)) return exists(attr.field);
    return op === 'neq' ? all() : none();
  }
  return cmp(attr.field, op, Number(v), { nullMatches });
}

function buildIn(attr: AtlasAttribute, value: string): Predicate {
  const items = value
    .split(',')
    .map(trimAscii)
    .filter((s) => s !== '');
  if (items.length > MAX_IN_ITEMS) {
    throw invalidParameters(`value of attribute ${attr.name} has more than ${MAX_IN_ITEMS} items`);
  }
  if (!isNumericKind(attr.kind))
    return inList(
      attr.field,
      items.filter((i) => !hasNul(i)),
    );
  const values: Scalar[] = [];
  for (const item of items) {
    const v = integerValue(attr, item);
    if (attr.kind === 'count') values.push(toCountScalar(v));
    else if (v >= DATE_MIN_MS && v <= DATE_MAX_MS) values.push(Number(v)); // others equal no row
  }
  return inList(attr.field, values);
}

function buildTimeRange(attr: AtlasAttribute, value: string, now: number): Predicate {
  const named = namedTimeRange(value, now);
  if (named) return and(cmp(attr.field, 'gte', named[0]), cmp(attr.field, 'lte', named[1]));
  const parts = value.split(',');
  const lo = parts.length === 2 ? parseInt64(parts[0] ?? '') : undefined;
  const hi = parts.length === 2 ? parseInt64(parts[1] ?? '') : undefined;
  if (lo === undefined || hi === undefined) {
    throw invalidParameters(`value '${value}' of attribute ${attr.name} is not a time range`);
  }
  if (lo > hi || hi < DATE_MIN_MS || lo > DATE_MAX_MS) return none();
  return and(
    cmp(attr.field, 'gte', clampToDateRange(lo)),
    cmp(attr.field, 'lte', clampToDateRange(hi)),
  );
}

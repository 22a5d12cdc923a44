/**
 * Atlas operator spellings (spec/atlas-admin-audits.md §4.3; apache/atlas SearchParameters.Operator).
 * Lookup is exact and case-sensitive, with no trimming: lower-casing would wrongly accept `EQ`, and
 * `STARTS_WITH` was never an Atlas spelling although `ENDS_WITH` is. Unknown spellings and the two
 * unsupported operators are rejected with ATLAS-400-00-103 rather than ignored (§11 D2, D5).
 */
import type { AtlasAttributeKind } from './atlasFields';

export type AtlasOperator =
  | 'lt'
  | 'gt'
  | 'lte'
  | 'gte'
  | 'eq'
  | 'neq'
  | 'in'
  | 'like'
  | 'startsWith'
  | 'endsWith'
  | 'contains'
  | 'not_contains'
  | 'isNull'
  | 'notNull'
  | 'notEmpty'
  | 'timerange';

/** Spelling → canonical operator; `unsupported` spellings exist in Atlas but are always a 400. */
type Entry = AtlasOperator | 'unsupported';

const SPELLINGS: ReadonlyArray<readonly [Entry, readonly string[]]> = [
  ['lt', ['<', 'lt']],
  ['gt', ['>', 'gt']],
  ['lte', ['<=', 'lte']],
  ['gte', ['>=', 'gte']],
  ['eq', ['=', 'eq']],
  ['neq', ['!=', 'neq']],
  ['in', ['in', 'IN']],
  ['like', ['like', 'LIKE']],
  ['startsWith', ['startsWith', 'STARTSWITH', 'begins_with', 'BEGINS_WITH']],
  ['endsWith', ['endsWith', 'ENDSWITH', 'ends_with', 'ENDS_WITH']],
  ['contains', ['contains', 'CONTAINS']],
  ['not_contains', ['not_contains', 'NOT_CONTAINS']],
  ['isNull', ['isNull', 'ISNULL', 'is_null', 'IS_NULL']],
  ['notNull', ['notNull', 'NOTNULL', 'not_null', 'NOT_NULL']],
  ['notEmpty', ['notEmpty', 'NOTEMPTY', 'not_empty', 'NOT_EMPTY']],
  ['timerange', ['timerange', 'TIMERANGE', 'time_range', 'TIME_RANGE']],
  ['unsupported', ['containsAny', 'CONTAINSANY', 'contains_any', 'CONTAINS_ANY']],
  ['unsupported', ['containsAll', 'CONTAINSALL', 'contains_all', 'CONTAINS_ALL']],
];

// A Map, not an object literal: the spelling "constructor" must find nothing.
const BY_SPELLING: ReadonlyMap<string, Entry> = new Map(
  SPELLINGS.flatMap(([op, spellings]) => spellings.map((s) => [s, op] as const)),
);

/** Every spelling the surface accepts, for docs and the table-driven test. */
export const ACCEPTED_SPELLINGS: ReadonlyMap<string, AtlasOperator> = new Map(
  [...BY_SPELLING].filter((e): e is [string, AtlasOperator] => e[1] !== 'unsupported'),
);

/** The canonical operator of an accepted spelling, or undefined (unknown or unsupported). */
export function lookupAtlasOperator(spelling: string): AtlasOperator | undefined {
  const op = BY_SPELLING.get(spelling);
  return op === 'unsupported' ? undefined : op;
}

/** isNull, notNull and notEmpty ignore attributeValue entirely (§4.5, §4.10). */
export function takesValue(op: AtlasOperator): boolean {
  return op !== 'isNull' && op !== 'notNull' && op !== 'notEmpty';
}

const TEXT_ONLY: ReadonlySet<AtlasOperator> = new Set([
  'like',
  'contains',
  'startsWith',
  'endsWith',
  'not_contains',
]);

/** §4.4: text operators only on string/enum attributes, timerange only on dates. */
export function operatorAllowed(op: AtlasOperator, kind: AtlasAttributeKind): boolean {
  const text = kind === 'string' || kind === 'enum';
  if (TEXT_ONLY.has(op)) return text;
  if (op === 'timerange') return kind === 'date';
  return true;
}

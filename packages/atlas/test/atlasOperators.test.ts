import {
  ACCEPTED_SPELLINGS,
  lookupAtlasOperator,
  operatorAllowed,
  takesValue,
} from '../src/atlasOperators';

// spec/atlas-admin-audits.md §4.3: exactly these spellings, case-sensitive, untrimmed
const ACCEPTED: Record<string, string> = {
  '<': 'lt',
  lt: 'lt',
  '>': 'gt',
  gt: 'gt',
  '<=': 'lte',
  lte: 'lte',
  '>=': 'gte',
  gte: 'gte',
  '=': 'eq',
  eq: 'eq',
  '!=': 'neq',
  neq: 'neq',
  in: 'in',
  IN: 'in',
  like: 'like',
  LIKE: 'like',
  startsWith: 'startsWith',
  STARTSWITH: 'startsWith',
  begins_with: 'startsWith',
  BEGINS_WITH: 'startsWith',
  endsWith: 'endsWith',
  ENDSWITH: 'endsWith',
  ends_with: 'endsWith',
  ENDS_WITH: 'endsWith',
  contains: 'contains',
  CONTAINS: 'contains',
  not_contains: 'not_contains',
  NOT_CONTAINS: 'not_contains',
  isNull: 'isNull',
  ISNULL: 'isNull',
  is_null: 'isNull',
  IS_NULL: 'isNull',
  notNull: 'notNull',
  NOTNULL: 'notNull',
  not_null: 'notNull',
  NOT_NULL: 'notNull',
  notEmpty: 'notEmpty',
  NOTEMPTY: 'notEmpty',
  not_empty: 'notEmpty',
  NOT_EMPTY: 'notEmpty',
  timerange: 'timerange',
  TIMERANGE: 'timerange',
  time_range: 'timerange',
  TIME_RANGE: 'timerange',
};

export const REJECTED = [
  'EQ', 'NEQ', 'LT', 'GT', 'LTE', 'GTE', '==', '<>', '=<', '=>', 'Eq', 'Like', 'In', 'Contains',
  'startswith', 'StartsWith', 'endswith', 'EndsWith', 'isnull', 'IsNull', 'notnull', 'NotNull',
  'notempty', 'timeRange', 'TimeRange', 'STARTS_WITH', 'starts_with', 'begins_With', 'is_not_null',
  'notContains', 'NOTCONTAINS', 'not_Contains', 'equals', 'between', '', ' eq', 'eq ',
  'containsAny', 'CONTAINSANY', 'contains_any', 'CONTAINS_ANY', 'containsAll', 'CONTAINSALL',
  'contains_all', 'CONTAINS_ALL', 'constructor', '__proto__',
]; // prettier-ignore

describe('atlasOperators', () => {
  it.each(Object.entries(ACCEPTED))('accepts %j as %s', (spelling, op) => {
    expect(lookupAtlasOperator(spelling)).toBe(op);
  });

  it('accepts exactly the spec table, nothing more', () => {
    expect(Object.fromEntries(ACCEPTED_SPELLINGS)).toEqual(ACCEPTED);
  });

  it.each(REJECTED)('rejects %j', (spelling) => {
    expect(lookupAtlasOperator(spelling)).toBeUndefined();
  });

  it('only isNull, notNull and notEmpty take no value', () => {
    const valueless = [...new Set(ACCEPTED_SPELLINGS.values())].filter((op) => !takesValue(op));
    expect(valueless.sort()).toEqual(['isNull', 'notEmpty', 'notNull']);
  });

  it('follows the kind matrix of §4.4', () => {
    expect(operatorAllowed('like', 'string')).toBe(true);
    expect(operatorAllowed('like', 'enum')).toBe(true);
    expect(operatorAllowed('like', 'date')).toBe(false);
    expect(operatorAllowed('not_contains', 'count')).toBe(false);
    expect(operatorAllowed('timerange', 'date')).toBe(true);
    expect(operatorAllowed('timerange', 'string')).toBe(false);
    expect(operatorAllowed('timerange', 'count')).toBe(false);
    expect(operatorAllowed('in', 'count')).toBe(true);
    expect(operatorAllowed('isNull', 'date')).toBe(true);
  });
});

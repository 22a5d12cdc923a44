import {
  AuditError,
  and,
  cmp,
  exists,
  inList,
  none,
  not,
  or,
  prefix,
  text,
  type AuditQuery,
} from '@audit-gateway/ir';
import { parseAtlasSearch } from '../src/parseAtlasSearch';

const NOW = Date.parse('2019-12-14T10:00:00Z');
const search = (value: unknown): AuditQuery => parseAtlasSearch({ kind: 'json', value }, NOW);
const leaf = (attributeName: string, operator: string | null, attributeValue?: unknown) => ({
  attributeName,
  operator,
  ...(attributeValue === undefined ? {} : { attributeValue }),
});
const AND = (...criterion: unknown[]) => ({ condition: 'AND', criterion });
const OR = (...criterion: unknown[]) => ({ condition: 'OR', criterion });
const where = (auditFilters: unknown) => search({ auditFilters }).where;

function atlasError(f: () => unknown): { errorCode?: string; errorMessage?: string } {
  try {
    f();
  } catch (e) {
    if (AuditError.is(e) && e.native)
      return { errorCode: e.native.code, errorMessage: e.native.message };
    throw e;
  }
  throw new Error('expected an Atlas error');
}
const e103 = (name: string) => ({
  errorCode: 'ATLAS-400-00-103',
  errorMessage: `Invalid operator specified for attribute: ${name}`,
});
const e023 = (name: string) => ({
  errorCode: 'ATLAS-400-00-023',
  errorMessage: `Attribute ${name} not found for type Atlas Audit Entry`,
});
const e01A = (detail: string) => ({
  errorCode: 'ATLAS-400-00-01A',
  errorMessage: `invalid parameters: ${detail}`,
});

describe('parseAtlasSearch: IR', () => {
  it('builds the seed query (case 1)', () => {
    const q = search({
      auditFilters: AND(leaf('userName', 'like', 'admin'), leaf('operation', 'like', 'PURGE')),
      limit: 10,
      offset: 0,
      sortBy: 'endTime',
      sortOrder: 'DESCENDING',
    });
    expect(q).toMatchObject({
      family: 'admin',
      where: and(text('actor', 'word', 'admin'), text('action', 'word', 'PURGE')),
      sort: [
        { field: 'recordedAt', dir: 'desc', missing: 'last' },
        { field: 'seq', dir: 'desc', missing: 'last' },
      ],
      page: { offset: 0, limit: 10 },
      total: 'none',
    });
  });

  it('maps every operator as §4.13 says', () => {
    expect(where(leaf('clientId', 'neq', 'x'))).toEqual(
      cmp('clientId', 'neq', 'x', { nullMatches: true }),
    );
    expect(where(leaf('result', 'like', '2,g'))).toEqual(text('result', 'contains', '2,g'));
    expect(where(leaf('clientId', 'begins_with', '10.'))).toEqual(prefix('clientId', '10.'));
    expect(where(leaf('clientId', 'ENDS_WITH', '.7'))).toEqual(text('clientId', 'suffix', '.7'));
    expect(where(leaf('userName', 'not_contains', 'a'))).toEqual(
      or([not(exists('actor')), not(text('actor', 'contains', 'a'))]),
    );
    expect(where(leaf('clientId', 'isNull'))).toEqual(not(exists('clientId')));
    expect(where(leaf('endTime', 'NOT_NULL', 'ignored'))).toEqual(exists('recordedAt'));
    expect(where(leaf('params', 'notEmpty'))).toEqual(
      and(exists('params'), cmp('params', 'neq', '')),
    );
    expect(where(leaf('resultCount', 'notEmpty'))).toEqual(exists('resultCount'));
    expect(where(leaf('operation', 'IN', 'PURGE, AUTO_PURGE'))).toEqual(
      inList('action', ['PURGE', 'AUTO_PURGE']),
    );
    expect(where(leaf('operation', 'in', ','))).toEqual(none());
    expect(where(leaf('resultCount', 'in', '2,3'))).toEqual(inList('resultCount', [2, 3]));
    expect(where(leaf('startTime', '=', 1576261685009))).toEqual(
      cmp('occurredAt', 'eq', 1576261685009),
    );
    expect(where(leaf('startTime', 'eq', ' 1576261685009 '))).toEqual(
      cmp('occurredAt', 'eq', 1576261685009),
    );
  });

  it('resolves time ranges with the request clock', () => {
    expect(where(leaf('startTime', 'timerange', 'TODAY'))).toEqual(
      and(cmp('occurredAt', 'gte', 1576281600000), cmp('occurredAt', 'lte', 1576367999999)),
    );
    expect(where(leaf('endTime', 'TIME_RANGE', ' 1576100000000 , 1576200000000 '))).toEqual(
      and(cmp('recordedAt', 'gte', 1576100000000), cmp('recordedAt', 'lte', 1576200000000)),
    );
    expect(where(leaf('startTime', 'timerange', '1576200000000,1576100000000'))).toEqual(none());
  });

  it('decides date bounds outside the storable range before compiling', () => {
    expect(where(leaf('startTime', 'lt', '9000000000000000000'))).toEqual(exists('occurredAt'));
    expect(where(leaf('startTime', 'gte', '9000000000000000000'))).toEqual(none());
    expect(where(leaf('endTime', 'neq', '-9000000000000000000'))).toEqual(and());
    expect(where(leaf('endTime', 'gt', '-9000000000000000000'))).toEqual(exists('recordedAt'));
  });

  it('decides values holding U+0000, which PostgreSQL text cannot hold, before compiling', () => {
    expect(where(leaf('userName', 'eq', 'a\u0000'))).toEqual(none());
    expect(where(leaf('userName', 'neq', 'a\u0000'))).toEqual(and());
    expect(where(leaf('userName', 'lt', 'b\u0000x'))).toEqual(cmp('actor', 'lte', 'b'));
    expect(where(leaf('userName', 'gte', 'b\u0000x'))).toEqual(cmp('actor', 'gt', 'b'));
    expect(where(leaf('userName', 'like', '\u0000'))).toEqual(none());
    expect(where(leaf('userName', 'not_contains', '\u0000'))).toEqual(and());
    expect(where(leaf('userName', 'in', 'bob,\u0000'))).toEqual(inList('actor', ['bob']));
  });

  it('drops empty values and valueless groups (cases 33, 34)', () => {
    expect(where(AND(leaf('userName', 'eq', '')))).toEqual(and());
    expect(where(AND(leaf('userName', 'eq', 'bob'), leaf('operation', 'eq')))).toEqual(
      cmp('actor', 'eq', 'bob'),
    );
    expect(where(OR(leaf('userName', 'eq', 'bob'), leaf('userName', 'eq', '')))).toEqual(
      cmp('actor', 'eq', 'bob'),
    );
    expect(where(OR(leaf('userName', 'eq', ''), leaf('params', 'like', null)))).toEqual(and());
    expect(where(leaf('userName', 'eq', ' '))).toEqual(cmp('actor', 'eq', ' '));
    expect(where({ criterion: [leaf('bogus', 'eq', 'x')] })).toEqual(and());
    expect(where({ condition: 'AND', criterion: null })).toEqual(and());
    expect(where({})).toEqual(and());
  });

  it('normalises limit and offset (case 38)', () => {
    for (const limit of [0, -5, 10001, 20000, null, undefined]) {
      expect(search({ limit }).page).toEqual({ offset: 0, limit: 100 });
    }
    expect(search({ limit: '3' }).page).toEqual({ offset: 0, limit: 3 });
    expect(search({ limit: 10000, offset: -3 }).page).toEqual({ offset: 0, limit: 10000 });
    expect(search({ offset: 1000000 }).page).toEqual({ offset: 1000000, limit: 100 });
  });

  it('sorts by seq alone without sortBy (case 40)', () => {
    for (const body of [{ sortOrder: 'DESCENDING' }, { sortBy: '' }, {}]) {
      expect(search(body).sort).toEqual([{ field: 'seq', dir: 'asc', missing: 'last' }]);
    }
  });
});

describe('parseAtlasSearch: semantic errors', () => {
  it('case 6: a missing body', () => {
    expect(atlasError(() => parseAtlasSearch({ kind: 'empty' }, NOW))).toEqual(
      e01A('Audit Search Parameters not specified'),
    );
    expect(atlasError(() => search(null))).toEqual(e01A('Audit Search Parameters not specified'));
  });

  it.each([
    'EQ', 'Eq', '==', '<>', 'equals', 'Like', 'In', 'startswith', 'STARTS_WITH', 'starts_with',
    'endswith', 'Contains', 'notContains', 'isnull', 'IsNull', 'notnull', 'notempty', 'timeRange',
    ' eq', '', 'containsAny', 'CONTAINS_ALL',
  ])('case 28: %j is 400 103', (op) => {
    expect(atlasError(() => where(AND(leaf('userName', op, 'bob'))))).toEqual(e103('userName'));
  }); // prettier-ignore

  it('case 29: a missing operator is checked before the empty-value drop', () => {
    expect(
      atlasError(() => where(AND({ attributeName: 'userName', attributeValue: 'bob' }))),
    ).toEqual(e103('userName'));
    expect(atlasError(() => where(AND(leaf('userName', null, 'bob'))))).toEqual(e103('userName'));
    expect(atlasError(() => where(AND(leaf('userName', 'EQ', ''))))).toEqual(e103('userName'));
  });

  it('case 30: string operators on numeric attributes', () => {
    expect(atlasError(() => where(AND(leaf('startTime', 'contains', '157'))))).toEqual(
      e103('startTime'),
    );
    expect(atlasError(() => where(AND(leaf('resultCount', 'like', '1'))))).toEqual(
      e103('resultCount'),
    );
    expect(atlasError(() => where(AND(leaf('endTime', 'startsWith', '1'))))).toEqual(
      e103('endTime'),
    );
    expect(atlasError(() => where(AND(leaf('endTime', 'not_contains', '1'))))).toEqual(
      e103('endTime'),
    );
  });

  it('case 31: unknown attributes, in document order', () => {
    for (const name of ['username', 'guid', 'UserName', 'timestamp', 'constructor']) {
      expect(atlasError(() => where(AND(leaf(name, 'eq', 'bob'))))).toEqual(e023(name));
    }
    expect(atlasError(() => where(AND({ attributeName: 'username' })))).toEqual(e023('username'));
    expect(
      atlasError(() => where(AND(leaf('bogus1', 'eq', 'x'), OR(leaf('bogus2', 'eq', 'y'))))),
    ).toEqual(e023('bogus1'));
    expect(
      atlasError(() => where(AND(leaf('userName', 'EQ', 'x'), leaf('bogus', 'eq', 'y')))),
    ).toEqual(e103('userName'));
    expect(atlasError(() => where({ attributeName: 'username', operator: 'EQ' }))).toEqual(
      e023('username'),
    );
  });

  it('case 32: non-integer numeric values', () => {
    expect(atlasError(() => where(AND(leaf('startTime', 'gte', '2019-12-13'))))).toEqual(
      e01A("value '2019-12-13' of attribute startTime is not an integer"),
    );
    for (const v of ['1.5e12', '1576261685009.0', '9223372036854775808', 1.5]) {
      expect(atlasError(() => where(AND(leaf('startTime', 'gte', v))))).toEqual(
        e01A(`value '${String(v)}' of attribute startTime is not an integer`),
      );
    }
    expect(atlasError(() => where(AND(leaf('resultCount', 'in', '2,x'))))).toEqual(
      e01A("value 'x' of attribute resultCount is not an integer"),
    );
  });

  it('case 27: time range errors', () => {
    expect(atlasError(() => where(AND(leaf('startTime', 'timerange', 'yesterday'))))).toEqual(
      e01A("value 'yesterday' of attribute startTime is not a time range"),
    );
    for (const v of ['1576100000000', 'a,b', '1,2,3']) {
      expect(atlasError(() => where(AND(leaf('startTime', 'timerange', v))))).toMatchObject({
        errorCode: 'ATLAS-400-00-01A',
      });
    }
    expect(atlasError(() => where(AND(leaf('userName', 'timerange', 'TODAY'))))).toEqual(
      e103('userName'),
    );
    expect(atlasError(() => where(AND(leaf('resultCount', 'timerange', '1,2'))))).toEqual(
      e103('resultCount'),
    );
  });

  it('case 40: sortBy must be an attribute; the filter error comes first', () => {
    for (const sortBy of ['timestamp', 'guid', 'StartTime']) {
      expect(atlasError(() => search({ sortBy }))).toEqual(e023(sortBy));
    }
    expect(
      atlasError(() =>
        search({ auditFilters: AND(leaf('bogus', 'eq', 'x')), sortBy: 'timestamp' }),
      ),
    ).toEqual(e023('bogus'));
  });

  it('§4.12: structural limits before the walk, the in-list limit at its leaf', () => {
    let deep: unknown = leaf('bogus', 'eq', 'x');
    for (let i = 0; i < 32; i++) deep = AND(deep);
    expect(atlasError(() => where(deep))).toEqual(
      e01A('auditFilters nested deeper than 32 levels'),
    );
    const wide = AND(...Array.from({ length: 1000 }, () => leaf('bogus', 'eq', 'x')));
    expect(atlasError(() => where(wide))).toEqual(e01A('auditFilters has more than 1000 criteria'));
    const items = Array.from({ length: 1001 }, (_, i) => `op${i}`).join(',');
    expect(atlasError(() => where(leaf('operation', 'in', items)))).toEqual(
      e01A('value of attribute operation has more than 1000 items'),
    );
    let ok: unknown = leaf('userName', 'eq', 'x');
    for (let i = 0; i < 31; i++) ok = AND(ok);
    expect(where(ok)).toEqual(cmp('actor', 'eq', 'x'));
  });
});

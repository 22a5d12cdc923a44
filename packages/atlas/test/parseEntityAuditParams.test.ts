import { AuditError } from '@audit-gateway/ir';
import { parseAuditDetailsParams } from '../src/parseAuditDetailsParams';
import { parseEntityAuditParams } from '../src/parseEntityAuditParams';

const q = (s: string) => [...new URLSearchParams(s)] as [string, string][];
const message = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (AuditError.is(e)) return e.native?.message;
    throw e;
  }
  return undefined;
};

describe('parseEntityAuditParams (§8.1)', () => {
  it('defaults to newest-first mode with count 100', () => {
    expect(parseEntityAuditParams(q(''))).toEqual({
      auditAction: undefined,
      count: 100,
      sorted: undefined,
      dir: 'asc',
      startKeyTime: undefined,
    });
  });

  it('switches to sorted mode on offset or sortBy', () => {
    expect(parseEntityAuditParams(q('offset=0')).sorted).toEqual({ by: 'timestamp', offset: 0 });
    expect(parseEntityAuditParams(q('offset=-1')).sorted).toBeUndefined();
    expect(parseEntityAuditParams(q('sortBy=USER&sortOrder=DESCENDING'))).toMatchObject({
      sorted: { by: 'user', offset: 0 },
      dir: 'desc',
    });
  });

  it('reads startKey, count, the limit alias and the first occurrence', () => {
    expect(parseEntityAuditParams(q('startKey=g1:1576000000000&count=10'))).toMatchObject({
      startKeyTime: 1576000000000,
      count: 10,
    });
    expect(parseEntityAuditParams(q('startKey=&count=0')).startKeyTime).toBeUndefined();
    expect(parseEntityAuditParams(q('limit=1')).count).toBe(1);
    expect(parseEntityAuditParams(q('count=2&limit=1')).count).toBe(2);
    expect(parseEntityAuditParams(q('count=3&count=abc')).count).toBe(3);
    expect(parseEntityAuditParams(q('count=10001')).count).toBe(100);
  });

  it.each([
    ['auditAction=TAG_ADD', 'invalid parameters: auditAction=TAG_ADD is not an entity audit action'],
    ['auditAction=entity_purge', 'invalid parameters: auditAction=entity_purge is not an entity audit action'],
    ['count=abc', 'invalid parameters: count=abc is not an integer'],
    ['limit=1.5', 'invalid parameters: limit=1.5 is not an integer'],
    ['offset=x', 'invalid parameters: offset=x is not an integer'],
    ['sortBy=created', 'invalid parameters: sortBy=created must be one of timestamp, user, action'],
    ['sortOrder=down&offset=0', 'invalid parameters: sortOrder=down must be asc or desc'],
    ['startKey=g1', 'invalid parameters: startKey=g1 is not an event key'],
  ])('%s → 400 01A', (query, text) => {
    expect(message(() => parseEntityAuditParams(q(query)))).toBe(text);
  }); // prettier-ignore
});

describe('parseAuditDetailsParams (§7.1)', () => {
  it('normalises limit and offset', () => {
    expect(parseAuditDetailsParams(q(''))).toEqual({ limit: 10, offset: 0 });
    expect(parseAuditDetailsParams(q('limit=0&offset=-2'))).toEqual({ limit: 10, offset: 0 });
    expect(parseAuditDetailsParams(q('limit=1&offset=1'))).toEqual({ limit: 1, offset: 1 });
    expect(parseAuditDetailsParams(q('offset=99999999999999999999')).offset).toBe(1e15);
  });

  it('rejects non-integer text', () => {
    expect(message(() => parseAuditDetailsParams(q('limit=abc')))).toBe(
      'invalid parameters: limit=abc is not an integer',
    );
  });
});

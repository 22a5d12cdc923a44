import { AuditError } from '@audit-gateway/ir';
import { parseAtomicParams } from '../src/parseAtomicParams';
import { parseInstant } from '../src/parseInstant';

type Pairs = [string, string][];
const q = (s: string): Pairs => [...new URLSearchParams(s)];

function errorOf(query: Pairs): AuditError {
  try {
    parseAtomicParams(query);
  } catch (e) {
    if (e instanceof AuditError) return e;
    throw e;
  }
  throw new Error('expected a parameter error');
}

const errorsOf = (e: AuditError) => e.extra.errors as { parameter: string; reason: string }[];

describe('parseAtomicParams', () => {
  it('defaults: limit 100, desc left open, no filters', () => {
    expect(parseAtomicParams([])).toEqual({ limit: 100, filters: {} });
  });

  it('normalises every extension (§4.2)', () => {
    const p = parseAtomicParams(
      q(
        'authType=workbench&limit=7&order=asc&from=2024-05-01&to=1714557605000' +
          '&source=client-api,atomic-api,client-api&resourceType=b,a&actionType=read' +
          '&method=get,Post&status=5XX,404,4xx,404',
      ),
    );
    expect(p).toEqual({
      limit: 7,
      order: 'asc',
      filters: {
        authType: 'workbench',
        from: Date.UTC(2024, 4, 1),
        to: 1714557605000,
        source: ['atomic-api', 'client-api'],
        resourceType: ['a', 'b'],
        actionType: ['read'],
        method: ['GET', 'POST'],
        status: [404, '4xx', '5xx'],
      },
    });
  });

  it('case 8: bad authType values are AQ100 naming authType', () => {
    for (const v of ['Workbench', 'basic', '']) {
      const e = errorOf([['authType', v]]);
      expect(e.code).toBe('AQ100');
      expect(errorsOf(e)[0]?.parameter).toBe('authType');
    }
  });

  it('case 10: limit bounds are never clamped', () => {
    expect(parseAtomicParams(q('limit=1')).limit).toBe(1);
    expect(parseAtomicParams(q('limit=1000')).limit).toBe(1000);
    for (const v of ['0', '1001', '-1', '10.5', '+5', 'abc', '']) {
      const e = errorOf([['limit', v]]);
      expect(e.code).toBe('AQ100');
      expect(errorsOf(e)).toHaveLength(1);
      expect(errorsOf(e)[0]?.parameter).toBe('limit');
      if (v !== '') expect(errorsOf(e)[0]?.reason).toContain('1 to 1000');
    }
  });

  it('case 11: several errors, unknown and repeated parameters', () => {
    const several = errorOf(q('limit=0&authType=x&order=up'));
    expect(several.code).toBe('AQ100');
    expect(errorsOf(several).map((x) => x.parameter)).toEqual(['authType', 'limit', 'order']);
    expect(several.message).toBe('3 query parameters are invalid');
    expect(errorOf(q('authtype=workbench')).code).toBe('AQ140');
    expect(errorOf(q('pageSize=5')).code).toBe('AQ140');
    expect(errorOf(q('limit=5&limit=6')).code).toBe('AQ141');
    const mixed = errorOf(q('limit=0&limit=2&nope=1&order=up'));
    expect(mixed.code).toBe('AQ140');
    expect(errorsOf(mixed).map((x) => x.parameter)).toEqual(['limit', 'nope', 'order']);
  });

  it('case 14: bad extension values are AQ100 naming the parameter', () => {
    const cases: [string, string][] = [
      ['from=yesterday', 'from'],
      ['to=2024-02-30', 'to'],
      ['from=2024-05-01T10:00:00', 'from'],
      ['from=1714557605000&to=1714557600000', 'from'],
      ['status=99', 'status'],
      ['status=6xx', 'status'],
      ['method=G1', 'method'],
      ['source=email', 'source'],
      ['order=DESC', 'order'],
      ['resourceType=a,,b', 'resourceType'],
      ['from=now-1d', 'from'],
    ];
    for (const [query, parameter] of cases) {
      const e = errorOf(q(query));
      expect([query, e.code, errorsOf(e).map((x) => x.parameter)]).toEqual([
        query,
        'AQ100',
        [parameter],
      ]);
    }
  });

  it('lists take 1 to 20 items', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `r${i}`).join(',');
    expect(parseAtomicParams([['resourceType', twenty]]).filters.resourceType).toHaveLength(20);
    expect(errorOf([['resourceType', `${twenty},x`]]).code).toBe('AQ100');
  });

  it('an empty cursor is left for the cursor check (AQ120, never AQ100)', () => {
    expect(parseAtomicParams([['cursor', '']]).cursor).toBe('');
  });
});

describe('parseInstant (§4.2)', () => {
  it.each([
    ['1714557605000', 1714557605000],
    ['2024-05-01T10:00:05Z', 1714557605000],
    ['2024-05-01T12:00:05.000+02:00', 1714557605000],
    ['2024-05-01T10:00:05.0009Z', 1714557605000],
    ['2024-05-01T10:00:05.999999999Z', 1714557605999],
    ['2024-05-01T05:30-04:30', Date.UTC(2024, 4, 1, 10, 0)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['0001-01-01', -62135596800000],
  ])('%s → %d', (raw, ms) => expect(parseInstant(raw)).toBe(ms));

  it.each([
    'yesterday',
    'now-1d',
    '2024-02-30',
    '2023-02-29',
    '2024-05-01T10:00:00',
    '2024-05-01T24:00:00Z',
    '2024-05-01T10:00:00.Z',
    '2024-05-01T10:00:00.1234567890Z',
    '2024-13-01',
    '1234567890123456',
    '2024-05-01 10:00:00Z',
  ])('%s is rejected', (raw) => expect(parseInstant(raw)).toBeUndefined());
});

import { NAMED_TIME_RANGES, namedTimeRange } from '../src/namedTimeRanges';

// spec/atlas-admin-audits.md §4.9, now = 2019-12-14T10:00:00Z
const NOW = Date.parse('2019-12-14T10:00:00Z');

describe('namedTimeRange', () => {
  it.each([
    ['TODAY', 1576281600000, 1576367999999],
    ['YESTERDAY', 1576195200000, 1576281599999],
    ['LAST_7_DAYS', 1575763200000, 1576367999999],
    ['THIS_MONTH', 1575158400000, 1577836799999],
    ['THIS_QUARTER', 1572566400000, 1580515199999],
    ['LAST_3_MONTHS', 1567296000000, 1575158399999],
  ])('%s matches the spec example', (name, lo, hi) => {
    expect(namedTimeRange(name, NOW)).toEqual([lo, hi]);
  });

  it('crosses year boundaries for month ranges', () => {
    const jan = Date.parse('2020-01-10T00:00:00Z');
    expect(namedTimeRange('LAST_MONTH', jan)).toEqual([
      Date.parse('2019-12-01T00:00:00Z'),
      Date.parse('2020-01-01T00:00:00Z') - 1,
    ]);
    expect(namedTimeRange('LAST_12_MONTHS', jan)?.[0]).toBe(Date.parse('2019-01-01T00:00:00Z'));
    expect(namedTimeRange('LAST_YEAR', jan)).toEqual([
      Date.parse('2019-01-01T00:00:00Z'),
      Date.parse('2020-01-01T00:00:00Z') - 1,
    ]);
  });

  it('knows thirteen names, case-sensitively', () => {
    expect(NAMED_TIME_RANGES).toHaveLength(13);
    expect(namedTimeRange('yesterday', NOW)).toBeUndefined();
    expect(namedTimeRange('Today', NOW)).toBeUndefined();
    expect(namedTimeRange(' TODAY', NOW)).toBeUndefined();
  });
});

import { AuditError } from '@audit-gateway/ir';
import { BucketBudget } from '../../src/aggregate/BucketBudget';
import { compareBinary, compareKeys } from '../../src/aggregate/compareKeys';
import { emptyMetric } from '../../src/aggregate/emptyMetric';
import { fillHistogram } from '../../src/aggregate/fillHistogram';
import { orderBuckets } from '../../src/aggregate/orderBuckets';
import { parseZone } from '../../src/aggregate/dateRounding';

describe('bucket keys', () => {
  test('binary order is code-point order (as COLLATE "C"), not UTF-16 order', () => {
    expect(compareBinary('\uffff', '𝒳')).toBeLessThan(0); // '\uffff' > '\ud835' in UTF-16
    expect(compareBinary('Zed', 'ann')).toBeLessThan(0);
    expect(compareBinary('', 'a')).toBeLessThan(0);
  });

  test('mixed detail leaves order numbers, then booleans, then strings', () => {
    const keys = ['a', true, 2, false, '1', 1.5];
    expect([...keys].sort(compareKeys)).toEqual([1.5, 2, false, true, '1', 'a']);
  });
});

describe('orderBuckets', () => {
  const b = (key: string, docCount: number, m: number | null) => ({ key, docCount, m });
  const byM = (x: { m: number | null }) => x.m;

  test('null sub-aggregation values sort last in both directions, ties by _key asc', () => {
    const list = [b('c', 1, null), b('b', 1, 5), b('a', 1, 5), b('d', 1, 7)];
    const order = (dir: 'asc' | 'desc') => [
      { by: 'agg', path: ['m'], metric: 'value', dir } as const,
      { by: '_key', dir: 'asc' } as const,
    ];
    expect(orderBuckets(list, order('desc'), byM).map((x) => x.key)).toEqual(['d', 'a', 'b', 'c']);
    expect(orderBuckets(list, order('asc'), byM).map((x) => x.key)).toEqual(['a', 'b', 'd', 'c']);
  });

  test('count desc with key tiebreak', () => {
    const list = [b('b', 2, 0), b('a', 2, 0), b('c', 3, 0)];
    const order = [{ by: '_count', dir: 'desc' } as const, { by: '_key', dir: 'asc' } as const];
    expect(orderBuckets(list, order, byM).map((x) => x.key)).toEqual(['c', 'a', 'b']);
  });
});

test('empty metrics: null/null/null/0/0/0', () => {
  expect(
    ['min', 'max', 'avg', 'sum', 'value_count', 'cardinality'].map((t) => emptyMetric(t as 'min')),
  ).toEqual([null, null, null, 0, 0, 0]);
});

describe('fillHistogram', () => {
  const DAY = 86_400_000;
  const base = {
    type: 'date_histogram',
    field: 'recordedAt',
    interval: { fixedMs: DAY },
    timeZone: 'UTC',
    offsetMs: 0,
    minDocCount: 0,
    order: [],
  } as const;
  const utc = parseZone('UTC');

  test('fills only between the first and the last non-empty bucket', () => {
    const found = [
      { key: 3 * DAY, docCount: 2 },
      { key: DAY, docCount: 1 },
    ];
    expect(fillHistogram(base, utc, found, new BucketBudget())).toEqual([
      { key: DAY, docCount: 1 },
      { key: 2 * DAY, docCount: 0 },
      { key: 3 * DAY, docCount: 2 },
    ]);
    expect(fillHistogram(base, utc, [], new BucketBudget())).toEqual([]);
  });

  test('extended_bounds widen (rounded), hard_bounds clip, min_doc_count ≥ 1 adds nothing', () => {
    const found = [{ key: 2 * DAY, docCount: 1 }];
    const ext = { ...base, extendedBounds: { min: DAY + 5, max: 3 * DAY + 5 } };
    expect(fillHistogram(ext, utc, found, new BucketBudget()).map((x) => x.key)).toEqual([
      DAY,
      2 * DAY,
      3 * DAY,
    ]);
    expect(fillHistogram(ext, utc, [], new BucketBudget()).map((x) => x.docCount)).toEqual([
      0, 0, 0,
    ]);
    const hard = { ...ext, hardBounds: { min: DAY, max: 3 * DAY } };
    expect(fillHistogram(hard, utc, found, new BucketBudget()).map((x) => x.key)).toEqual([
      DAY,
      2 * DAY,
    ]);
    expect(fillHistogram({ ...ext, minDocCount: 1 }, utc, found, new BucketBudget())).toEqual(
      found,
    );
  });

  test('too many buckets is ATLAS-400-00-029', () => {
    const found = [
      { key: 0, docCount: 1 },
      { key: 70_000 * DAY, docCount: 1 },
    ];
    let err: unknown;
    try {
      fillHistogram(base, utc, found, new BucketBudget());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AuditError);
    expect((err as AuditError).code).toBe('AQ100');
    expect((err as AuditError).native).toEqual({
      code: 'ATLAS-400-00-029',
      message:
        'Trying to create too many buckets. Must be less than or equal to: [65536] but was [65537].',
    });
  });
});

/**
 * The aggregation rules of spec/atlan-auditsearch.md §5, one by one, on a real PostgreSQL.
 */
import {
  all,
  AuditError,
  cmp,
  type AggField,
  type AggResult,
  type TermsAgg,
  type Aggregation,
  type AuditQuery,
  type Predicate,
} from '@audit-gateway/ir';
import { runAggregations } from '../../src/aggregate/runAggregations';
import { insertEvents } from '../../test-support/insertEvents';
import { useTestDatabase } from '../../test-support/testDatabase';

const db = useTestDatabase();
const T = Date.UTC(2024, 2, 12, 10);
const DAY = 86_400_000;

beforeAll(async () => {
  await insertEvents(db(), [
    {
      key: 'r1',
      family: 'entity',
      actor: 'ann',
      action: 'CREATE',
      typeName: 'Table',
      recordedAt: T,
      detail: { n: [1, 2], ok: true, s: 'x' },
      headers: { 'x-atlan-agent-id': 'a1' },
    },
    {
      key: 'r2',
      family: 'entity',
      actor: 'ann',
      action: 'UPDATE',
      typeName: 'Table',
      recordedAt: T + DAY,
      detail: { n: 2, ok: false },
    },
    {
      key: 'r3',
      family: 'entity',
      actor: 'bob',
      action: 'UPDATE',
      typeName: 'Column',
      recordedAt: T + 3 * DAY,
      detail: { n: 'two' },
    },
    {
      key: 'r4',
      family: 'entity',
      actor: null,
      action: 'DELETE',
      typeName: 'Column',
      recordedAt: T + 3 * DAY,
    },
    {
      key: 'r5',
      family: 'entity',
      actor: 'Zed',
      action: 'DELETE',
      typeName: 'View',
      recordedAt: T + 3 * DAY,
      detail: { n: 7 },
    },
    { key: 'o1', family: 'entity', tenant: 'other', actor: 'eve', action: 'CREATE', recordedAt: T },
  ]);
});

function query(
  aggs: Record<string, Aggregation>,
  where: Predicate = all(),
  detailScope: Predicate = all(),
): AuditQuery {
  return {
    family: 'entity',
    scope: cmp('tenant', 'eq', 't1'),
    detailScope,
    where,
    postFilter: cmp('actor', 'eq', 'nobody'),
    sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
    page: { offset: 0, limit: 10 },
    total: 'none',
    aggs,
  };
}

const byCount = [
  { by: '_count', dir: 'desc' },
  { by: '_key', dir: 'asc' },
] as const;
const terms = (field: AggField, extra: Partial<TermsAgg> = {}): Aggregation => ({
  type: 'terms',
  field,
  size: 10,
  minDocCount: 1,
  order: byCount,
  ...extra,
});

function keys(r: AggResult | undefined): [unknown, number][] {
  if (!r || !('buckets' in r)) throw new Error('no buckets');
  return r.buckets.map((b) => [b.key, b.docCount]);
}

test('terms: count order with _key tiebreak, size, sum_other_doc_count ignores rows without the field; post_filter not applied', async () => {
  const r = await runAggregations(db(), query({ u: terms({ field: 'actor' }, { size: 1 }) }));
  expect(keys(r.u)).toEqual([['ann', 2]]);
  expect(r.u).toMatchObject({ sumOtherDocCount: 2 }); // bob, Zed; never the row without actor
});

test('terms: missing merges with a real key; min_doc_count 0 draws keys from visible rows only', async () => {
  const r1 = await runAggregations(
    db(),
    query({ u: terms({ field: 'actor' }, { missing: 'bob' }) }),
  );
  expect(keys(r1.u)).toEqual([
    ['ann', 2],
    ['bob', 2],
    ['Zed', 1],
  ]);
  const r2 = await runAggregations(
    db(),
    query({ u: terms({ field: 'actor' }, { minDocCount: 0 }) }, cmp('action', 'eq', 'UPDATE')),
  );
  expect(keys(r2.u)).toEqual([
    ['ann', 1],
    ['bob', 1],
    ['Zed', 0],
  ]); // never 'eve' of another tenant
});

test('terms: include/exclude and order by a sub-aggregation (empty metric last)', async () => {
  const r = await runAggregations(
    db(),
    query({
      u: terms(
        { field: 'actor' },
        {
          exclude: ['Zed'],
          minDocCount: 0,
          order: [
            { by: 'agg', path: ['f', 'm'], metric: 'value', dir: 'desc' },
            { by: '_key', dir: 'asc' },
          ],
          aggs: {
            f: {
              type: 'filter',
              filter: cmp('action', 'eq', 'UPDATE'),
              aggs: { m: { type: 'max', field: { field: 'recordedAt' } } },
            },
          },
        },
      ),
    }),
  );
  expect(keys(r.u)).toEqual([
    ['bob', 1],
    ['ann', 2],
  ]);
});

test('date_histogram: UTC days, gaps filled only between the first and last non-empty bucket', async () => {
  const r = await runAggregations(
    db(),
    query({
      d: {
        type: 'date_histogram',
        field: 'recordedAt',
        interval: { calendar: 'day' },
        timeZone: 'UTC',
        offsetMs: 0,
        minDocCount: 0,
        order: [],
      },
    }),
  );
  const day0 = Date.UTC(2024, 2, 12);
  expect(keys(r.d)).toEqual([
    [day0, 1],
    [day0 + DAY, 1],
    [day0 + 2 * DAY, 0],
    [day0 + 3 * DAY, 3],
  ]);
});

test('date_histogram: extended_bounds, hard_bounds and sub-aggregations of empty buckets', async () => {
  const day0 = Date.UTC(2024, 2, 12);
  const r = await runAggregations(
    db(),
    query({
      d: {
        type: 'date_histogram',
        field: 'recordedAt',
        interval: { calendar: 'day' },
        timeZone: 'UTC',
        offsetMs: 0,
        minDocCount: 0,
        order: [],
        extendedBounds: { min: day0 - DAY + 5, max: day0 + 4 * DAY },
        aggs: { c: { type: 'value_count', field: { field: 'actor' } } },
      },
      h: {
        type: 'date_histogram',
        field: 'recordedAt',
        interval: { calendar: 'day' },
        timeZone: 'UTC',
        offsetMs: 0,
        minDocCount: 0,
        order: [],
        hardBounds: { min: day0 + DAY, max: day0 + 3 * DAY },
      },
    }),
  );
  expect(keys(r.d).map(([k]) => k)).toEqual([-1, 0, 1, 2, 3, 4].map((i) => day0 + i * DAY));
  const d = r.d as Extract<AggResult, { type: 'date_histogram' }>;
  expect(d.buckets[0]?.aggs.c).toEqual({ type: 'metric', metric: 'value_count', value: 0 });
  expect(keys(r.h)).toEqual([[day0 + DAY, 1]]);
});

test('metrics: values and the empty results null/null/null/0/0/0', async () => {
  const metrics = (field: AggField) =>
    Object.fromEntries(
      (['min', 'max', 'avg', 'sum', 'value_count', 'cardinality'] as const).map((t) => [
        t,
        { type: t, field },
      ]),
    ) as Record<string, Aggregation>;
  const r = await runAggregations(
    db(),
    query({
      ...metrics({ field: 'recordedAt' }),
      f: {
        type: 'filter',
        filter: cmp('actor', 'eq', 'nobody'),
        aggs: metrics({ field: 'recordedAt' }),
      },
    }),
  );
  expect(r.min).toMatchObject({ value: T });
  expect(r.max).toMatchObject({ value: T + 3 * DAY });
  expect(r.avg).toMatchObject({ value: T + 2 * DAY });
  expect(r.value_count).toMatchObject({ value: 5 });
  expect(r.cardinality).toMatchObject({ value: 3 });
  const f = r.f as Extract<AggResult, { type: 'filter' | 'nested' }>;
  expect(Object.values(f.aggs).map((m) => (m.type === 'metric' ? m.value : 'x'))).toEqual([
    null,
    null,
    null,
    0,
    0,
    0,
  ]);
});

test('filters: request order, overlapping buckets and the other bucket', async () => {
  const r = await runAggregations(
    db(),
    query({
      f: {
        type: 'filters',
        filters: [
          { key: 'b', filter: cmp('typeName', 'eq', 'Table') },
          { key: 'a', filter: cmp('actor', 'eq', 'ann') },
        ],
        otherBucketKey: '_other_',
        aggs: { u: { type: 'cardinality', field: { field: 'actor' } } },
      },
    }),
  );
  expect(keys(r.f)).toEqual([
    ['b', 2],
    ['a', 2],
    ['_other_', 3],
  ]);
});

test('nested: visible details only; typed leaves (numbers, booleans, strings), arrays flattened; top-level fields have no values', async () => {
  const r = await runAggregations(
    db(),
    query(
      {
        n: {
          type: 'nested',
          path: 'detail',
          aggs: {
            leaves: terms({ json: 'detail', path: ['n'] }, { order: [{ by: '_key', dir: 'asc' }] }),
            ok: terms({ json: 'detail', path: ['ok'] }, { order: [{ by: '_key', dir: 'asc' }] }),
            sum: { type: 'sum', field: { json: 'detail', path: ['n'] } },
            actor: terms({ field: 'actor' }),
          },
        },
        outside: terms({ json: 'detail', path: ['n'] }),
      },
      all(),
      cmp('actor', 'neq', 'Zed'),
    ),
  );
  const n = r.n as Extract<AggResult, { type: 'filter' | 'nested' }>;
  expect(n.docCount).toBe(3); // r1, r2, r3 (r5 hidden by detailScope, r4 has none)
  expect(keys(n.aggs.leaves)).toEqual([
    [1, 1],
    [2, 2],
    ['two', 1],
  ]);
  expect(keys(n.aggs.ok)).toEqual([
    [false, 1],
    [true, 1],
  ]);
  expect(n.aggs.sum).toMatchObject({ value: 5 });
  expect(keys(n.aggs.actor)).toEqual([]);
  expect(keys(r.outside)).toEqual([]);
});

test('headers leaves are keyword terms', async () => {
  const r = await runAggregations(
    db(),
    query({ h: terms({ json: 'headers', path: ['x-atlan-agent-id'] }, { size: 1 }) }),
  );
  expect(keys(r.h)).toEqual([['a1', 1]]);
  expect(r.h).toMatchObject({ sumOtherDocCount: 0 });
});

test('more than 65,536 buckets is ATLAS-400-00-029', async () => {
  const err: unknown = await runAggregations(
    db(),
    query({
      d: {
        type: 'date_histogram',
        field: 'recordedAt',
        interval: { fixedMs: 1000 },
        timeZone: 'UTC',
        offsetMs: 0,
        minDocCount: 0,
        order: [],
      },
    }),
  ).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AuditError);
  expect((err as AuditError).native?.code).toBe('ATLAS-400-00-029');
});

test('the starter aggregation (top users, top actions, daily histogram) is three GROUP BY queries', async () => {
  const sqls: string[] = [];
  const listener = (q: { sql: string }) => sqls.push(q.sql);
  db().on('query', listener);
  try {
    const r = await runAggregations(
      db(),
      query({
        by_user: terms({ field: 'actor' }, { size: 20 }),
        by_action: terms({ field: 'action' }, { size: 20 }),
        by_day: {
          type: 'date_histogram',
          field: 'recordedAt',
          interval: { calendar: 'day' },
          timeZone: 'UTC',
          offsetMs: 0,
          minDocCount: 0,
          order: [],
        },
      }),
    );
    expect(keys(r.by_action)).toEqual([
      ['DELETE', 2],
      ['UPDATE', 2],
      ['CREATE', 1],
    ]);
  } finally {
    db().off('query', listener);
  }
  expect(sqls).toHaveLength(3);
  expect(sqls.every((s) => /GROUP BY/.test(s))).toBe(true);
});

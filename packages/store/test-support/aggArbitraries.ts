/**
 * fast-check generators for the aggregation differential tests: rows with NULLs, empty strings,
 * unicode and LIKE metacharacters, equal keys, timestamps around DST changes, typed detail leaves;
 * and random aggregation trees (terms, date_histogram, metrics, filter(s), nested) over them.
 */
import fc from 'fast-check';
import {
  all,
  and,
  cmp,
  exists,
  inList,
  json,
  not,
  type Aggregation,
  type BucketOrder,
  type CalendarUnit,
  type DateHistogramAgg,
  type JsonValue,
  type Predicate,
  type SubAggs,
} from '@audit-gateway/ir';
import type { EventRow } from './insertEvents';

const HOUR = 3_600_000;
/** DST changes: New York spring/fall 2024, Berlin spring/fall 2024 (UTC instants). */
export const TRANSITIONS = [
  Date.UTC(2024, 2, 10, 7),
  Date.UTC(2024, 10, 3, 6),
  Date.UTC(2024, 2, 31, 1),
  Date.UTC(2024, 9, 27, 1),
];

const KEYWORDS = ['ann', 'bob', 'Zed', '', 'école', 'ÉCOLE', '𝒳y', 'a%b_c\\', 'zz', 'A'];
const TYPES = ['Table', 'Column', 'View'];
const ACTIONS = ['ENTITY_CREATE', 'ENTITY_UPDATE', 'ENTITY_DELETE'];

const keyword = fc.option(fc.constantFrom(...KEYWORDS), { nil: null, freq: 4 });

const leaf: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constantFrom(1, 2, 2.5, -3, 0),
  fc.constantFrom('x', 'y', '', 'é'),
  fc.boolean(),
  fc.constant(null),
);

const detail: fc.Arbitrary<JsonValue | null> = fc.option(
  fc.record(
    {
      n: fc.oneof(leaf, fc.array(leaf, { maxLength: 3 })),
      s: leaf,
      o: fc.record({ x: fc.oneof(leaf, fc.array(leaf, { maxLength: 2 })) }),
    },
    { requiredKeys: [] },
  ),
  { nil: null, freq: 4 },
);

export function rowsArb(tenant: string, transition: number): fc.Arbitrary<EventRow[]> {
  // minutes around the transition, often equal, so keys repeat and buckets straddle the change
  const minutes = fc.oneof(
    fc.integer({ min: -72 * 60, max: 72 * 60 }),
    fc.integer({ min: -180, max: 180 }),
    fc.constantFrom(-60, -1, 0, 59, 60),
  );
  const time = minutes.map((m) => transition + m * 60_000 + (m % 7) * 1000);
  return fc
    .array(
      fc.record({
        actor: keyword,
        action: fc.constantFrom(...ACTIONS),
        typeName: fc.option(fc.constantFrom(...TYPES), { nil: null }),
        recordedAt: time,
        occurredAt: time,
        detail,
        headers: fc.option(fc.record({ 'x-atlan-a': fc.constantFrom('p', 'q', '') }), {
          nil: null,
        }),
        tenant: fc.constantFrom(tenant, tenant, tenant, `${tenant}-other`),
      }),
      { minLength: 15, maxLength: 40 },
    )
    .map((rows) =>
      rows.map((r, i) => ({ ...r, key: `${tenant}-${i}`, family: 'entity' as const })),
    );
}

export function predicateArb(transition: number): fc.Arbitrary<Predicate> {
  const leafP = fc.oneof(
    fc.constantFrom(...KEYWORDS).map((v) => cmp('actor', 'eq', v)),
    fc.constantFrom(...KEYWORDS).map((v) => cmp('actor', 'lt', v)),
    fc.constantFrom(...ACTIONS).map((v) => cmp('action', 'neq', v)),
    fc.subarray(TYPES).map((vs) => inList('typeName', vs)),
    fc.constant(exists('actor')),
    fc.integer({ min: -72, max: 72 }).map((h) => cmp('recordedAt', 'gte', transition + h * HOUR)),
    fc.constantFrom('x', 'y').map((v) => json('detail', ['s'], cmp('$', 'eq', v))),
    fc.constantFrom(1, 2).map((v) => json('detail', ['n'], cmp('$', 'gte', v))),
  );
  return fc.oneof(
    { weight: 3, arbitrary: leafP },
    { weight: 1, arbitrary: leafP.map(not) },
    { weight: 1, arbitrary: fc.tuple(leafP, leafP).map(([a, b]) => and(a, b)) },
  );
}

const CAL: CalendarUnit[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];
const FIXED = [30 * 60_000, 45 * 60_000, HOUR, 90 * 60_000, 3 * HOUR, 24 * HOUR, 7 * 24 * HOUR];
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', '+05:30', '-03:00'];

const orderArb = (hasMetric: boolean): fc.Arbitrary<BucketOrder[]> =>
  fc
    .constantFrom<BucketOrder[]>(
      [{ by: '_count', dir: 'desc' }],
      [{ by: '_count', dir: 'asc' }],
      [{ by: '_key', dir: 'desc' }],
      ...(hasMetric
        ? [
            [{ by: 'agg', path: ['m'], metric: 'value', dir: 'desc' }] as BucketOrder[],
            [{ by: 'agg', path: ['m'], metric: 'value', dir: 'asc' }] as BucketOrder[],
          ]
        : []),
    )
    .map((o) => [...o, { by: '_key', dir: 'asc' }]);

const HISTOGRAM_ORDERS: Record<'key' | 'keyDesc' | 'count' | 'metric', BucketOrder[]> = {
  key: [],
  keyDesc: [{ by: '_key', dir: 'desc' }],
  count: [
    { by: '_count', dir: 'desc' },
    { by: '_key', dir: 'asc' },
  ],
  metric: [
    { by: 'agg', path: ['m'], metric: 'value', dir: 'asc' },
    { by: '_key', dir: 'asc' },
  ],
};

interface Gen {
  readonly transition: number;
}

function metricArb(inNested: boolean): fc.Arbitrary<Aggregation> {
  const field = inNested
    ? fc.constantFrom(
        { json: 'detail' as const, path: ['n'] },
        { json: 'detail' as const, path: ['o', 'x'] },
      )
    : fc.constantFrom({ field: 'recordedAt' }, { field: 'occurredAt' });
  const anyField = inNested
    ? fc.constantFrom(
        { json: 'detail' as const, path: ['s'] },
        { json: 'detail' as const, path: ['n'] },
      )
    : fc.constantFrom(
        { field: 'actor' },
        { field: 'typeName' },
        { json: 'headers' as const, path: ['x-atlan-a'] },
      );
  return fc.oneof(
    fc.record({ type: fc.constantFrom('min', 'max', 'avg', 'sum' as const), field }),
    fc.record({ type: fc.constantFrom('value_count', 'cardinality' as const), field: anyField }),
    fc.record({
      type: fc.constant('value_count' as const),
      field: anyField,
      missing: fc.constantFrom('zz', 'ann'),
    }),
  );
}

export function aggArb(g: Gen, depth: number, inNested: boolean): fc.Arbitrary<Aggregation> {
  const subs = (d: number, nested: boolean): fc.Arbitrary<SubAggs | undefined> =>
    d <= 1
      ? fc.constant(undefined)
      : fc.option(
          fc.dictionary(fc.constantFrom('a', 'b'), aggArb(g, d - 1, nested), { maxKeys: 2 }),
          {
            nil: undefined,
          },
        );
  const termsField = inNested
    ? fc.constantFrom(
        { json: 'detail' as const, path: ['n'] },
        { json: 'detail' as const, path: ['s'] },
        { json: 'detail' as const, path: ['o', 'x'] },
        { field: 'actor' },
      )
    : fc.constantFrom(
        { field: 'actor' },
        { field: 'typeName' },
        { field: 'recordedAt' },
        { json: 'headers' as const, path: ['x-atlan-a'] },
        { json: 'detail' as const, path: ['s'] },
      );
  const terms = fc
    .record({
      field: termsField,
      size: fc.integer({ min: 1, max: 5 }),
      minDocCount: fc.integer({ min: 0, max: 2 }),
      withMetric: fc.boolean(),
      missing: fc.option(fc.constantFrom('ann', 'zz'), { nil: undefined, freq: 4 }),
      exclude: fc.option(fc.subarray(['ann', 'bob', 'x']), { nil: undefined, freq: 4 }),
      sub: subs(depth, inNested),
      metric: metricArb(inNested),
    })
    .chain((t) =>
      orderArb(t.withMetric).map((order): Aggregation => {
        const isDate = 'field' in t.field && t.field.field === 'recordedAt';
        const aggs = { ...(t.sub ?? {}), ...(t.withMetric ? { m: t.metric } : {}) };
        return {
          type: 'terms',
          field: t.field,
          size: t.size,
          minDocCount: t.minDocCount,
          order,
          ...(t.missing !== undefined && !isDate ? { missing: t.missing } : {}),
          ...(t.exclude !== undefined && !isDate ? { exclude: t.exclude } : {}),
          ...(Object.keys(aggs).length > 0 ? { aggs } : {}),
        };
      }),
    );
  const histogram = fc
    .record({
      field: fc.constantFrom('recordedAt', 'occurredAt'),
      interval: fc.oneof(
        fc.constantFrom(...CAL).map((calendar) => ({ calendar })),
        fc.constantFrom(...FIXED).map((fixedMs) => ({ fixedMs })),
      ),
      timeZone: fc.constantFrom(...ZONES),
      offsetMs: fc.constantFrom(0, 0, HOUR, -2 * HOUR),
      minDocCount: fc.constantFrom(0, 0, 1, 2),
      ext: fc.option(
        fc.tuple(fc.integer({ min: -100, max: 0 }), fc.integer({ min: 0, max: 100 })),
        {
          nil: undefined,
        },
      ),
      hard: fc.option(fc.tuple(fc.integer({ min: -80, max: 0 }), fc.integer({ min: 1, max: 80 })), {
        nil: undefined,
        freq: 4,
      }),
      order: fc.constantFrom(
        'key' as const,
        'keyDesc' as const,
        'count' as const,
        'metric' as const,
      ),
      metric: metricArb(inNested),
      sub: subs(depth, inNested),
    })
    .map((h): Aggregation => {
      const hardBounds = h.hard && {
        min: g.transition + h.hard[0] * HOUR,
        max: g.transition + h.hard[1] * HOUR,
      };
      return {
        type: 'date_histogram',
        field: h.field,
        interval: h.interval,
        timeZone: h.timeZone,
        offsetMs: h.offsetMs,
        minDocCount: h.minDocCount,
        order: HISTOGRAM_ORDERS[h.order],
        ...(h.ext && !hardBounds
          ? {
              extendedBounds: {
                min: g.transition + h.ext[0] * HOUR,
                max: g.transition + h.ext[1] * HOUR,
              },
            }
          : {}),
        ...(hardBounds ? { hardBounds } : {}),
        ...(h.sub || h.order === 'metric'
          ? { aggs: { ...(h.sub ?? {}), ...(h.order === 'metric' ? { m: h.metric } : {}) } }
          : {}),
      };
    });
  const filter = fc
    .record({ filter: predicateArb(g.transition), sub: subs(depth, inNested) })
    .map((f): Aggregation => ({
      type: 'filter',
      filter: f.filter,
      ...(f.sub ? { aggs: f.sub } : {}),
    }));
  const filters = fc
    .record({
      fs: fc.array(predicateArb(g.transition), { minLength: 1, maxLength: 3 }),
      other: fc.boolean(),
      sub: subs(depth, inNested),
    })
    .map((f): Aggregation => ({
      type: 'filters',
      filters: f.fs.map((filter, i) => ({ key: `f${i}`, filter })),
      ...(f.other ? { otherBucketKey: '_other_' } : {}),
      ...(f.sub ? { aggs: f.sub } : {}),
    }));
  // nested always gets a chance of children (in nested context, where nested itself is not offered)
  const nested = () =>
    subs(Math.max(depth, 2), true).map((s): Aggregation => ({
      type: 'nested',
      path: 'detail',
      ...(s ? { aggs: s } : {}),
    }));
  return fc.oneof(
    { weight: 4, arbitrary: terms },
    { weight: 3, arbitrary: histogram },
    { weight: 2, arbitrary: metricArb(inNested) },
    { weight: 1, arbitrary: filter },
    { weight: 1, arbitrary: filters },
    ...(inNested ? [] : [{ weight: 2, arbitrary: nested() }]),
  );
}

export function queryAggsArb(transition: number): fc.Arbitrary<{
  aggs: Record<string, Aggregation>;
  where: Predicate;
  detailScope: Predicate;
}> {
  return fc.record({
    aggs: fc.dictionary(fc.constantFrom('x', 'y', 'z'), aggArb({ transition }, 3, false), {
      minKeys: 1,
      maxKeys: 2,
    }),
    where: fc.oneof(fc.constant(all()), predicateArb(transition)),
    detailScope: fc.constantFrom(all(), cmp('typeName', 'eq', 'Table')),
  });
}

/** Admin rows: numeric `resultCount` (bigint) and `recordedAt` that may be missing. */
export function adminRowsArb(tenant: string, transition: number): fc.Arbitrary<EventRow[]> {
  const time = fc.integer({ min: -48 * 60, max: 48 * 60 }).map((m) => transition + m * 60_000);
  return fc
    .array(
      fc.record({
        actor: keyword,
        action: fc.constantFrom(...ACTIONS),
        resultCount: fc.option(fc.constantFrom(0, 1, 7, 7, 120, -5), { nil: null }),
        occurredAt: time,
        recordedAt: fc.option(time, { nil: null }),
        tenant: fc.constantFrom(tenant, tenant, `${tenant}-other`),
      }),
      { minLength: 10, maxLength: 40 },
    )
    .map((rows) => rows.map((r, i) => ({ ...r, key: `${tenant}-${i}`, family: 'admin' as const })));
}

export function adminAggArb(transition: number, depth = 2): fc.Arbitrary<Aggregation> {
  const sub: fc.Arbitrary<SubAggs | undefined> =
    depth <= 1
      ? fc.constant(undefined)
      : fc.option(
          fc.dictionary(fc.constantFrom('a', 'b'), adminAggArb(transition, depth - 1), {
            maxKeys: 2,
          }),
          {
            nil: undefined,
          },
        );
  return fc.oneof(
    fc
      .record({
        type: fc.constant('terms' as const),
        field: fc.constantFrom(
          { field: 'resultCount' },
          { field: 'actor' },
          { field: 'recordedAt' },
        ),
        size: fc.integer({ min: 1, max: 4 }),
        minDocCount: fc.integer({ min: 0, max: 2 }),
        order: fc.constantFrom<BucketOrder[]>(
          [
            { by: '_count', dir: 'desc' },
            { by: '_key', dir: 'asc' },
          ],
          [{ by: '_key', dir: 'desc' }],
        ),
        aggs: sub,
      })
      .map(({ aggs, ...t }): Aggregation => ({ ...t, ...(aggs ? { aggs } : {}) })),
    fc.record({
      type: fc.constantFrom('min', 'max', 'avg', 'sum', 'value_count', 'cardinality' as const),
      field: fc.constantFrom(
        { field: 'resultCount' },
        { field: 'recordedAt' },
        { field: 'occurredAt' },
      ),
    }),
    fc.record({
      type: fc.constantFrom('sum', 'value_count' as const),
      field: fc.constant({ field: 'resultCount' }),
      missing: fc.constantFrom(3, 0),
    }),
    fc
      .record({
        interval: fc.constantFrom<DateHistogramAgg['interval']>(
          { calendar: 'day' },
          { fixedMs: 6 * HOUR },
        ),
        timeZone: fc.constantFrom(...ZONES),
        minDocCount: fc.constantFrom(0, 1),
        aggs: sub,
      })
      .map(({ aggs, ...h }): Aggregation => ({
        type: 'date_histogram',
        field: 'recordedAt',
        offsetMs: 0,
        order: [],
        ...h,
        ...(aggs ? { aggs } : {}),
      })),
  );
}

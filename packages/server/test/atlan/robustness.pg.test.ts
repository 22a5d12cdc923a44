/**
 * No input may produce a 500 or a database error (issue acceptance; DESIGN §4.3): random and
 * hostile DSL documents through the real pipeline must each get a 200 or a 4xx in the spec's shape.
 */
import fc from 'fast-check';
import { expectAtlas400, useAtlanFixture } from './conformance';

const atlan = useAtlanFixture();

const FIELDS = [
  'user',
  'created',
  'timestamp',
  'entityId',
  'entityQualifiedName',
  'headers.x-atlan-agent-id',
  'headers',
  'detail',
  'detail.typeName',
  'detail.attributes.name.keyword',
  'foo',
  '_doc',
  '__proto__',
  'constructor',
];
const DATES = [
  'now',
  'now-1d/d',
  'now+1M/w',
  '2024',
  '2024-03-14T23:59:59.999Z',
  '2024-03-14||/M',
  '1710460799999',
  '9999999999999999999',
  '-1',
  'now/2d',
  '2024-02-30',
  '',
  '%',
  '_',
  '*',
  '\\',
  'ÉCOLE',
  '\u0000',
];
const value = fc.oneof(
  fc.constantFrom(...DATES),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(1e308),
  fc.constant(-9007199254740992),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'value',
      'query',
      'gte',
      'lt',
      'format',
      'time_zone',
      'case_insensitive',
      'boost',
      'x',
    ),
    fc.oneof(
      fc.constantFrom(...DATES),
      fc.boolean(),
      fc.integer(),
      fc.constantFrom('UTC', 'Mars/Base', '+05:00', 'dd/MM/yyyy', 'epoch_second', 'bogus'),
    ),
  ),
);
const field = fc.constantFrom(...FIELDS);

const { query } = fc.letrec<{ query: unknown; leaf: unknown }>((tie) => ({
  leaf: fc.oneof(
    fc.record({ term: fc.dictionary(field, value, { minKeys: 1, maxKeys: 2 }) }),
    fc.record({
      terms: fc.dictionary(field, fc.oneof(fc.array(value, { maxLength: 4 }), value), {
        minKeys: 1,
        maxKeys: 1,
      }),
    }),
    fc.record({ range: fc.dictionary(field, value, { minKeys: 1, maxKeys: 1 }) }),
    fc.record({
      exists: fc.record({ field: fc.oneof(field, fc.constant('headers.*'), fc.constant('*')) }),
    }),
    fc.record({ prefix: fc.dictionary(field, value, { minKeys: 1, maxKeys: 1 }) }),
    fc.record({ wildcard: fc.dictionary(field, value, { minKeys: 1, maxKeys: 1 }) }),
    fc.record({ match: fc.dictionary(field, value, { minKeys: 1, maxKeys: 1 }) }),
    fc.constantFrom(
      { match_all: {} },
      { match_none: {} },
      {},
      { nope: {} },
      { regexp: {} },
      null,
      [],
      'x',
    ),
  ),
  query: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.record({
      bool: fc.record(
        {
          must: fc.array(tie('query'), { maxLength: 3 }),
          should: fc.oneof(tie('query'), fc.array(tie('query'), { maxLength: 3 })),
          must_not: tie('query'),
          minimum_should_match: fc.oneof(
            fc.integer({ min: -5, max: 5 }),
            fc.constantFrom('50%', '-1', '2<-1', 'abc', '1<2<3'),
          ),
        },
        { requiredKeys: [] },
      ),
    }),
    fc.record({
      nested: fc.record(
        { path: fc.constantFrom('detail', 'headers'), query: tie('query') },
        { requiredKeys: [] },
      ),
    }),
    fc.record({ constant_score: fc.record({ filter: tie('query') }, { requiredKeys: [] }) }),
  ),
}));

const agg = fc.oneof(
  fc.record({
    terms: fc.record(
      {
        field,
        size: fc.oneof(fc.integer({ min: -2, max: 100000 }), fc.string()),
        min_doc_count: fc.integer({ min: -1, max: 3 }),
        missing: value,
        order: fc.constantFrom(
          { _key: 'asc' },
          { _count: 'desc' },
          { m: 'desc' },
          { 'x>y': 'asc' },
          'bad',
        ),
      },
      { requiredKeys: ['field'] },
    ),
  }),
  fc.record({
    date_histogram: fc.record(
      {
        field,
        calendar_interval: fc.constantFrom('1d', 'week', '2d', 'minute', '1q'),
        fixed_interval: fc.constantFrom('90m', '7d', '1M', '0s'),
        time_zone: fc.constantFrom('UTC', 'America/New_York', 'nope'),
        offset: fc.constantFrom('+6h', '-1d', 'x', 5),
        extended_bounds: fc.record({ min: value, max: value }),
        min_doc_count: fc.integer({ min: -1, max: 2 }),
        keyed: fc.boolean(),
      },
      { requiredKeys: ['field'] },
    ),
  }),
  fc.record({ max: fc.record({ field, missing: value }, { requiredKeys: [] }) }),
  fc.record({ cardinality: fc.record({ field }) }),
  fc.record({
    filters: fc.record({
      filters: fc.oneof(
        fc.array(query, { maxLength: 2 }),
        fc.dictionary(fc.string(), query, { maxKeys: 2 }),
      ),
      other_bucket: fc.boolean(),
    }),
  }),
  fc.record({
    nested: fc.record({ path: fc.constantFrom('detail', 'x') }),
    aggs: fc.record({ m: fc.record({ terms: fc.record({ field }) }) }),
  }),
);

const dsl = fc.record(
  {
    query,
    post_filter: query,
    from: fc.oneof(fc.integer({ min: -1, max: 10001 }), fc.constantFrom('5', 'x', 2.5, 1e20)),
    size: fc.oneof(fc.integer({ min: -1, max: 10001 }), fc.constantFrom('5', 'x', 2.5, 1e20)),
    sort: fc.oneof(
      field,
      fc.array(
        fc.oneof(
          field,
          fc.dictionary(
            field,
            fc.constantFrom(
              'asc',
              'desc',
              'up',
              { order: 'desc', missing: '_first' },
              { unmapped_type: 'keyword' },
            ),
            { minKeys: 1, maxKeys: 1 },
          ),
        ),
        { maxLength: 3 },
      ),
    ),
    search_after: fc.array(value, { maxLength: 3 }),
    track_total_hits: fc.oneof(fc.boolean(), fc.integer({ min: -3, max: 20000 }), fc.string()),
    aggs: fc.dictionary(fc.constantFrom('a', 'b>c', '__proto__', 'constructor', 'm'), agg, {
      maxKeys: 3,
    }),
  },
  { requiredKeys: [] },
);

// Plausible requests: valid shapes with arbitrary (Unicode, NUL-bearing) values, so most of them
// reach the compiler and the database.
const anyText = fc.string({ unit: 'binary', maxLength: 12 });
const keyword = fc.constantFrom(
  'user',
  'action',
  'typeName',
  'entityQualifiedName',
  'eventKey',
  'headers.x-atlan-agent-id',
  'foo',
);
const plausibleLeaf = fc.oneof(
  fc.record({ term: fc.dictionary(keyword, anyText, { minKeys: 1, maxKeys: 1 }) }),
  fc.record({
    terms: fc.dictionary(keyword, fc.array(anyText, { maxLength: 3 }), { minKeys: 1, maxKeys: 1 }),
  }),
  fc.record({ prefix: fc.dictionary(keyword, anyText, { minKeys: 1, maxKeys: 1 }) }),
  fc.record({
    wildcard: fc.dictionary(
      keyword,
      fc.record({ value: anyText, case_insensitive: fc.boolean() }),
      { minKeys: 1, maxKeys: 1 },
    ),
  }),
  fc.record({
    range: fc.dictionary(keyword, fc.record({ gte: anyText, lt: anyText }, { requiredKeys: [] }), {
      minKeys: 1,
      maxKeys: 1,
    }),
  }),
  fc.record({
    range: fc.record({
      created: fc.record(
        {
          gte: fc.constantFrom('now-30d', '2024-03-09', '2024-03||/M', 0, -1),
          lte: fc.constantFrom('now/d', '2024-03-14T23:59:59Z', 1710460799999),
        },
        { requiredKeys: [] },
      ),
    }),
  }),
  fc.record({
    exists: fc.record({ field: fc.oneof(keyword, fc.constantFrom('headers.*', 'created')) }),
  }),
  fc.record({
    nested: fc.record({
      path: fc.constant('detail'),
      query: fc.record({
        term: fc.dictionary(
          fc.constantFrom(
            'detail.typeName',
            'detail.attributes.name',
            'detail.propagate',
            'detail.labels',
          ),
          fc.oneof(
            anyText,
            fc.integer(),
            fc.boolean(),
            fc.double({ noNaN: true, noDefaultInfinity: true }),
          ),
          { minKeys: 1, maxKeys: 1 },
        ),
      }),
    }),
  }),
  fc.constant({ match_all: {} }),
);
const plausibleQuery = fc.oneof(
  plausibleLeaf,
  fc.record({
    bool: fc.record(
      {
        filter: fc.array(plausibleLeaf, { maxLength: 3 }),
        should: fc.array(plausibleLeaf, { maxLength: 3 }),
        must_not: fc.array(plausibleLeaf, { maxLength: 2 }),
        minimum_should_match: fc.constantFrom(1, '50%', '-1'),
      },
      { requiredKeys: [] },
    ),
  }),
);
const plausibleAgg = fc.oneof(
  fc.record({
    terms: fc.record(
      {
        field: fc.oneof(keyword, fc.constant('created')),
        size: fc.integer({ min: 1, max: 5 }),
        min_doc_count: fc.integer({ min: 0, max: 2 }),
        missing: anyText,
      },
      { requiredKeys: ['field'] },
    ),
  }),
  fc.record({
    date_histogram: fc.record({
      field: fc.constant('created'),
      calendar_interval: fc.constantFrom('day', 'week', 'month', 'hour'),
      time_zone: fc.constantFrom('UTC', 'America/New_York', 'Asia/Kolkata', '+05:45'),
      min_doc_count: fc.integer({ min: 0, max: 1 }),
    }),
  }),
  fc.record({ avg: fc.record({ field: fc.constantFrom('created', 'timestamp') }) }),
  fc.record({ cardinality: fc.record({ field: keyword }) }),
  fc.record({
    nested: fc.constant({ path: 'detail' }),
    aggs: fc.record({
      t: fc.record({
        terms: fc.record({
          field: fc.constantFrom('detail.typeName', 'detail.propagate', 'detail.attributes.name'),
        }),
      }),
    }),
  }),
);
const plausibleDsl = fc.record(
  {
    query: plausibleQuery,
    size: fc.integer({ min: 0, max: 20 }),
    sort: fc.array(
      fc.dictionary(
        fc.constantFrom('created', 'user', 'timestamp', 'entityQualifiedName', '_doc'),
        fc.constantFrom('asc', 'desc'),
        { minKeys: 1, maxKeys: 1 },
      ),
      { maxLength: 2 },
    ),
    aggs: fc.dictionary(fc.constantFrom('a', 'b', 'c'), plausibleAgg, { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);

describe('robustness', () => {
  it('random DSL documents never give a 500', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(dsl, plausibleDsl, plausibleDsl), async (d) => {
        const res = await atlan.post({ dsl: d });
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        if (res.status !== 200 && res.status !== 400) {
          throw new Error(`${res.status} for ${JSON.stringify(d)}: ${res.text}`);
        }
        if (res.status === 400) {
          const body = res.body as Record<string, unknown>;
          const atlas =
            body.errorCode === 'ATLAS-400-00-029' &&
            typeof body.errorMessage === 'string' &&
            body.errorMessage !== '';
          const plain = Object.keys(body).join() === 'error';
          if (!atlas && !plain) throw new Error(`400 of unknown shape: ${res.text}`);
        }
      }),
      { numRuns: 500, seed: 20261122 },
    );
    // the generator must reach the executor too, not only the parser's rejections
    expect(seen.get(200) ?? 0).toBeGreaterThan(20);
  });

  it('hostile inputs get a 4xx naming the problem', async () => {
    expectAtlas400(await atlan.fail({ size: 1e20 }), '[size]');
    expectAtlas400(await atlan.fail({ from: 'ten' }), '[from]');
    expectAtlas400(
      await atlan.fail({
        query: { terms: { user: Array.from({ length: 65_537 }, (_, i) => `u${i}`) } },
      }),
      '65536',
    );
    expectAtlas400(
      await atlan.fail({ query: { range: { created: { gte: '99999-01-01' } } } }),
      'failed to parse date field',
    );
    expectAtlas400(await atlan.fail({ query: { term: { created: 1e300 } } }));
    expectAtlas400(
      await atlan.fail({
        size: 0,
        aggs: {
          d: {
            date_histogram: {
              field: 'created',
              calendar_interval: 'minute',
              extended_bounds: { min: 0, max: 'now' },
            },
          },
        },
      }),
      'too many buckets',
    );
    expectAtlas400(
      await atlan.fail({ size: 0, aggs: { t: { terms: { field: 'user', script: 'x' } } } }),
    );
    expectAtlas400(
      await atlan.fail({ sort: [{ created: { order: 'desc', nested: { path: 'detail' } } }] }),
    );
    // U+0000 cannot be stored, so it matches nothing (and is the successor point in ranges)
    expect((await atlan.set({ term: { user: 'bob\u0000' } })).total).toBe(0);
    expect((await atlan.set({ range: { user: { gt: 'bob\u0000x' } } })).total).toBe(6);
    expect((await atlan.set({ range: { user: { lte: 'bob\u0000' } } })).total).toBe(10);
    expect((await atlan.set({ prefix: { 'headers.x\u0000': 'a' } })).total).toBe(0);
    expectAtlas400(
      await atlan.fail({ size: 0, aggs: { t: { terms: { field: 'user', missing: '\u0000' } } } }),
      'NUL',
    );
    const nulNames = await atlan.search({
      size: 0,
      aggs: { 'n\u0000': { filters: { filters: { 'a\u0000': { match_all: {} } } } } },
    });
    expect(nulNames.aggregations?.['n\u0000'].buckets['a\u0000'].doc_count).toBe(16);
    // JSON.parse: an object literal's __proto__ key would set the prototype instead
    const proto = await atlan.search(
      JSON.parse('{"size":0,"aggs":{"__proto__":{"value_count":{"field":"user"}}}}'),
    );
    expect(Object.keys(proto.aggregations ?? {})).toEqual(['__proto__']);
  });
});

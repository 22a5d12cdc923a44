/** spec/atlan-auditsearch.md §10.2 cases 32–38, 40–56 on fixture F. */
import { A, D, rowNumber, SVC } from './atlanFixture';
import { DEFAULT_ORDER, expectAtlas400, useAtlanFixture } from './conformance';

const atlan = useAtlanFixture();
const order = async (dsl: object) => (await atlan.search(dsl)).entityAudits.map(rowNumber);
const ONE_TO_16 = Array.from({ length: 16 }, (_, i) => i + 1);
const CREATED_ASC = [1, 2, 3, 16, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

describe('paging, sorting, totals', () => {
  it('case 32: offset paging never overlaps', async () => {
    const pages = [[1, 4], [5, 6], [8, 10], [11, 12], [15], []];
    for (const [i, expected] of pages.entries()) {
      const body = await atlan.search({
        size: 2,
        from: i * 2,
        sort: [{ entityId: { order: 'asc' } }],
        query: { term: { entityId: A } },
      });
      expect(body.entityAudits.map(rowNumber)).toEqual(expected);
      expect(body.totalCount).toBe(9);
      expect(body.count).toBe(expected.length);
    }
    const windows = [
      [15, 14, 13, 12],
      [11, 10, 9, 8],
      [7, 5, 6, 4],
      [16, 3, 2, 1],
    ];
    for (const [i, expected] of windows.entries())
      expect(await order({ size: 4, from: i * 4 })).toEqual(expected);
  });

  it('case 33: default sort, tiebreak, explicit orders', async () => {
    expect(await order({ size: 16 })).toEqual(DEFAULT_ORDER);
    expect(await order({ size: 16, sort: [{ created: 'asc' }] })).toEqual(CREATED_ASC);
    expect(await order({ size: 16, sort: [] })).toEqual(ONE_TO_16);
    expect(await order({ size: 16, sort: ['_doc'] })).toEqual(ONE_TO_16);
    expect(await order({ size: 16, sort: [{ _doc: 'desc' }] })).toEqual([...ONE_TO_16].reverse());
  });

  it('case 34: binary keyword order', async () => {
    expect(await order({ size: 16, sort: [{ user: 'asc' }] })).toEqual([
      10, 7, 8, 15, 1, 2, 11, 3, 4, 9, 5, 6, 12, 13, 14, 16,
    ]);
    expect(await order({ size: 16, sort: [{ user: 'desc' }] })).toEqual([
      5, 6, 12, 13, 14, 16, 3, 4, 9, 1, 2, 11, 7, 8, 15, 10,
    ]);
  });

  it('case 35: missing values last (both directions)', async () => {
    const key = 'headers.x-atlan-agent-id';
    expect(await order({ size: 16, sort: [{ [key]: { order: 'desc' } }] })).toEqual([
      4, 5, 6, 12, 14, 16, 10, 13, 1, 2, 3, 7, 8, 9, 11, 15,
    ]);
    expect(await order({ size: 16, sort: [{ [key]: { order: 'asc' } }] })).toEqual([
      10, 13, 4, 5, 6, 12, 14, 16, 1, 2, 3, 7, 8, 9, 11, 15,
    ]);
    expect(
      await order({ size: 16, sort: [{ [key]: { order: 'asc', missing: '_first' } }] }),
    ).toEqual([1, 2, 3, 7, 8, 9, 11, 15, 10, 13, 4, 5, 6, 12, 14, 16]);
  });

  it('case 36: sort shapes', async () => {
    for (const sort of [
      'created',
      ['created'],
      { created: 'asc' },
      [{ created: { order: 'ASC' } }],
    ]) {
      expect(await order({ size: 16, sort })).toEqual(CREATED_ASC);
    }
    expect(await order({ size: 16, sort: [{ typeName: 'asc' }, { created: 'desc' }] })).toEqual([
      7, 13, 2, 15, 14, 12, 11, 10, 9, 8, 5, 6, 4, 16, 3, 1,
    ]);
  });

  it('case 37: sort errors', async () => {
    expectAtlas400(
      await atlan.fail({ sort: [{ foo: 'asc' }] }),
      'No mapping found for [foo] in order to sort on',
    );
    expect(
      await order({ size: 16, sort: [{ foo: { order: 'asc', unmapped_type: 'keyword' } }] }),
    ).toEqual(ONE_TO_16);
    for (const sort of [
      [{ 'detail.typeName': 'asc' }],
      [{ headers: 'asc' }],
      [{ created: { order: 'up' } }],
    ]) {
      expectAtlas400(await atlan.fail({ sort }));
    }
  });

  it('case 38: result window and negatives', async () => {
    const big = await atlan.fail({ from: 9995, size: 10 });
    expectAtlas400(big, 'Result window is too large');
    expect(big.body.errorMessage).toEqual(expect.stringContaining('but was [10005]'));
    expectAtlas400(await atlan.fail({ from: 10000 }), '[10010]');
    expectAtlas400(await atlan.fail({ size: 10001 }));
    const past = await atlan.search({ from: 9990, size: 10 });
    expect(past).toMatchObject({ entityAudits: [], totalCount: 16, count: 0 });
    expectAtlas400(await atlan.fail({ from: -1 }), '[from] parameter cannot be negative');
    expectAtlas400(await atlan.fail({ size: -1 }));
    expect((await atlan.search({ size: '5' })).entityAudits).toHaveLength(5);
    expectAtlas400(await atlan.fail({ size: 2.5 }));
  });

  it('case 40: search_after (fixture F)', async () => {
    expect(
      await order({
        size: 3,
        sort: [{ created: 'asc' }, { user: 'asc' }],
        search_after: [1709985600040, SVC],
      }),
    ).toEqual([7, 8, 9]);
    expect(await order({ size: 3, search_after: [1710172800010] })).toEqual([10, 9, 8]);
    expectAtlas400(
      await atlan.fail({ search_after: [1, 'x'] }),
      'search_after has 2 value(s) but sort has 1.',
    );
    expectAtlas400(await atlan.fail({ from: 5, sort: [{ created: 'asc' }], search_after: [1] }));
    expect(
      await order({
        size: 20,
        sort: [{ created: 'asc' }],
        search_after: ['2024-03-12T00:00:00.000Z'],
      }),
    ).toEqual([12, 13, 14, 15]);
    expect(await order({ search_after: [] })).toEqual(DEFAULT_ORDER.slice(0, 10));
    expectAtlas400(await atlan.fail({ sort: ['_doc'], search_after: [3] }));
  });

  it('case 41: post_filter', async () => {
    const body = await atlan.search({
      size: 20,
      query: { term: { typeName: 'Table' } },
      post_filter: { term: { user: 'bob' } },
      aggs: { u: { terms: { field: 'user' } } },
    });
    expect(body.entityAudits.map(rowNumber)).toEqual([9, 4, 3]);
    expect(body.totalCount).toBe(3);
    expect(body.aggregations?.u).toEqual({
      doc_count_error_upper_bound: 0,
      sum_other_doc_count: 0,
      buckets: [
        { key: SVC, doc_count: 5 },
        { key: 'bob', doc_count: 3 },
        { key: 'Zed', doc_count: 2 },
        { key: 'alice', doc_count: 2 },
        { key: 'Alice', doc_count: 1 },
      ],
    });
  });
});

const aggs = async (a: object, query?: object) => {
  const body = await atlan.search({ size: 0, ...(query ? { query } : {}), aggs: a });
  return body.aggregations as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- ES JSON
};
const pairs = (agg: { buckets: { key: unknown; doc_count: number }[] }) =>
  agg.buckets.map((b) => [b.key, b.doc_count]);
const DAYS = [
  [1709856000000, '2024-03-08T00:00:00.000Z', 4],
  [1709942400000, '2024-03-09T00:00:00.000Z', 3],
  [1710028800000, '2024-03-10T00:00:00.000Z', 3],
  [1710115200000, '2024-03-11T00:00:00.000Z', 2],
  [1710201600000, '2024-03-12T00:00:00.000Z', 2],
  [1710288000000, '2024-03-13T00:00:00.000Z', 0],
  [1710374400000, '2024-03-14T00:00:00.000Z', 2],
].map(([key, key_as_string, doc_count]) => ({ key_as_string, key, doc_count }));

describe('aggregations', () => {
  it('case 42: Atlan docs starter request', async () => {
    const body = await atlan.search({
      size: 0,
      query: { bool: { filter: [{ range: { created: { gte: 'now-30d' } } }] } },
      aggs: {
        by_user: { terms: { field: 'user', size: 20 } },
        by_action: { terms: { field: 'action', size: 20 } },
        by_day: { date_histogram: { field: 'created', calendar_interval: '1d' } },
      },
      track_total_hits: true,
    });
    expect(body).toMatchObject({ entityAudits: [], count: 0, totalCount: 16 });
    expect(body.aggregations?.by_user).toEqual({
      doc_count_error_upper_bound: 0,
      sum_other_doc_count: 0,
      buckets: [
        [SVC, 6],
        ['Zed', 3],
        ['alice', 3],
        ['bob', 3],
        ['Alice', 1],
      ].map(([key, doc_count]) => ({ key, doc_count })),
    });
    expect(pairs(body.aggregations?.by_action)).toEqual([
      ['ENTITY_CREATE', 5],
      ['ENTITY_UPDATE', 3],
      ['CLASSIFICATION_ADD', 2],
      ['BUSINESS_ATTRIBUTE_UPDATE', 1],
      ['CLASSIFICATION_DELETE', 1],
      ['ENTITY_DELETE', 1],
      ['ENTITY_PURGE', 1],
      ['LABEL_ADD', 1],
      ['TERM_ADD', 1],
    ]);
    expect(body.aggregations?.by_day).toEqual({ buckets: DAYS });
  });

  it('case 43: terms size and sum_other_doc_count', async () => {
    const r = await aggs({
      u: { terms: { field: 'user', size: 2 } },
      a: { terms: { field: 'action', size: 4 } },
      t: { terms: { field: 'typeName' } },
    });
    expect(pairs(r.u)).toEqual([
      [SVC, 6],
      ['Zed', 3],
    ]);
    expect(r.u.sum_other_doc_count).toBe(7);
    expect(pairs(r.a)).toEqual([
      ['ENTITY_CREATE', 5],
      ['ENTITY_UPDATE', 3],
      ['CLASSIFICATION_ADD', 2],
      ['BUSINESS_ATTRIBUTE_UPDATE', 1],
    ]);
    expect(r.a.sum_other_doc_count).toBe(5);
    expect(pairs(r.t)).toEqual([
      ['Table', 13],
      ['Column', 2],
      ['AtlasGlossaryTerm', 1],
    ]);
    expect(r.t.sum_other_doc_count).toBe(0);
  });

  it('case 44: rows without the field are not "other"', async () => {
    const r = await aggs({
      h: { terms: { field: 'headers.x-atlan-agent-id', size: 1 } },
      m: { terms: { field: 'headers.x-atlan-agent-id', missing: 'none' } },
    });
    expect(pairs(r.h)).toEqual([['python', 6]]);
    expect(r.h.sum_other_doc_count).toBe(2);
    expect(pairs(r.m)).toEqual([
      ['none', 8],
      ['python', 6],
      ['java', 2],
    ]);
    expect(r.m.sum_other_doc_count).toBe(0);
  });

  it('case 45: bucket order', async () => {
    const r = await aggs({
      k: { terms: { field: 'user', order: { _key: 'desc' } } },
      c: { terms: { field: 'user', order: { _count: 'asc' } } },
      l: {
        terms: { field: 'user', size: 2, order: { latest: 'desc' } },
        aggs: { latest: { max: { field: 'created' } } },
      },
    });
    expect(pairs(r.k)).toEqual([
      [SVC, 6],
      ['bob', 3],
      ['alice', 3],
      ['Zed', 3],
      ['Alice', 1],
    ]);
    expect(pairs(r.c)).toEqual([
      ['Alice', 1],
      ['Zed', 3],
      ['alice', 3],
      ['bob', 3],
      [SVC, 6],
    ]);
    expect(r.l.buckets).toEqual([
      {
        key: 'Zed',
        doc_count: 3,
        latest: { value: 1710460799999, value_as_string: '2024-03-14T23:59:59.999Z' },
      },
      {
        key: SVC,
        doc_count: 6,
        latest: { value: 1710414000030, value_as_string: '2024-03-14T11:00:00.030Z' },
      },
    ]);
    expect(r.l.sum_other_doc_count).toBe(7);
    expectAtlas400(
      await atlan.fail({
        size: 0,
        aggs: { u: { terms: { field: 'user', order: { nope: 'desc' } } } },
      }),
    );
  });

  it('case 46: min_doc_count, size', async () => {
    const r = await aggs({ a: { terms: { field: 'action', min_doc_count: 2 } } });
    expect(pairs(r.a)).toEqual([
      ['ENTITY_CREATE', 5],
      ['ENTITY_UPDATE', 3],
      ['CLASSIFICATION_ADD', 2],
    ]);
    expect(r.a.sum_other_doc_count).toBe(0);
    const z = await aggs(
      { u: { terms: { field: 'user', min_doc_count: 0 } } },
      { term: { action: 'ENTITY_CREATE' } },
    );
    expect(pairs(z.u)).toEqual([
      ['alice', 2],
      ['Zed', 1],
      ['bob', 1],
      [SVC, 1],
      ['Alice', 0],
    ]);
    expectAtlas400(
      await atlan.fail({ size: 0, aggs: { u: { terms: { field: 'user', size: 0 } } } }),
      '[size] must be greater than 0. Found [0] in [u]',
    );
  });

  it('case 47: date_histogram gap filling and bounds', async () => {
    const q = { range: { created: { gte: '2024-03-01' } } };
    const day = (extra: object) => ({
      d: { date_histogram: { field: 'created', calendar_interval: 'day', ...extra } },
    });
    expect((await aggs(day({}), q)).d.buckets).toEqual(DAYS);
    expect((await aggs(day({ min_doc_count: 1 }), q)).d.buckets).toEqual(
      DAYS.filter((b) => Number(b.doc_count) > 0),
    );
    const ext = (await aggs(day({ extended_bounds: { min: '2024-03-06', max: '2024-03-15' } }), q))
      .d.buckets;
    expect(ext.map((b: { key: number }) => b.key)).toEqual(
      Array.from({ length: 10 }, (_, i) => 1709683200000 + i * 86400000),
    );
    expect(ext.map((b: { doc_count: number }) => b.doc_count)).toEqual([
      0, 0, 4, 3, 3, 2, 2, 0, 2, 0,
    ]);
    const hard = (await aggs(day({ hard_bounds: { min: '2024-03-09', max: '2024-03-12' } }), q)).d
      .buckets;
    expect(
      hard.map((b: { key_as_string: string; doc_count: number }) => [
        b.key_as_string.slice(0, 10),
        b.doc_count,
      ]),
    ).toEqual([
      ['2024-03-09', 3],
      ['2024-03-10', 3],
      ['2024-03-11', 2],
    ]);
    const none = (
      await aggs(day({ extended_bounds: { min: '2024-03-06', max: '2024-03-07' } }), {
        term: { user: 'nobody' },
      })
    ).d.buckets;
    expect(none.map((b: { doc_count: number }) => b.doc_count)).toEqual([0, 0]);
    const legacy = await aggs({ d: { date_histogram: { field: 'created', interval: '1d' } } }, q);
    expect(legacy.d.buckets).toEqual(DAYS);
  });

  it('case 48: time zone and DST day lengths', async () => {
    const r = await aggs({
      d: {
        date_histogram: {
          field: 'created',
          calendar_interval: '1d',
          time_zone: 'America/New_York',
        },
      },
    });
    expect(r.d.buckets).toEqual(
      [
        [1709874000000, '2024-03-08T00:00:00.000-05:00', 4],
        [1709960400000, '2024-03-09T00:00:00.000-05:00', 4],
        [1710046800000, '2024-03-10T00:00:00.000-05:00', 3],
        [1710129600000, '2024-03-11T00:00:00.000-04:00', 1],
        [1710216000000, '2024-03-12T00:00:00.000-04:00', 2],
        [1710302400000, '2024-03-13T00:00:00.000-04:00', 0],
        [1710388800000, '2024-03-14T00:00:00.000-04:00', 2],
      ].map(([key, key_as_string, doc_count]) => ({ key_as_string, key, doc_count })),
    );
  });

  it('case 49: week vs fixed 7 days vs offset', async () => {
    const r = await aggs({
      w: { date_histogram: { field: 'created', calendar_interval: 'week' } },
      f: { date_histogram: { field: 'created', fixed_interval: '7d' } },
      o: { date_histogram: { field: 'created', calendar_interval: '1d', offset: '+6h' } },
    });
    expect(r.w.buckets).toEqual([
      { key_as_string: '2024-03-04T00:00:00.000Z', key: 1709510400000, doc_count: 10 },
      { key_as_string: '2024-03-11T00:00:00.000Z', key: 1710115200000, doc_count: 6 },
    ]);
    expect(r.f.buckets).toEqual([
      { key_as_string: '2024-03-07T00:00:00.000Z', key: 1709769600000, doc_count: 14 },
      { key_as_string: '2024-03-14T00:00:00.000Z', key: 1710374400000, doc_count: 2 },
    ]);
    expect(r.o.buckets.map((b: { key: number }) => b.key)).toEqual(
      Array.from({ length: 7 }, (_, i) => 1709877600000 + i * 86400000),
    );
    expect(r.o.buckets.map((b: { doc_count: number }) => b.doc_count)).toEqual([
      4, 4, 3, 1, 2, 0, 2,
    ]);
  });

  it('case 50: format, keyed, interval errors', async () => {
    const r = await aggs({
      d: {
        date_histogram: {
          field: 'created',
          calendar_interval: '1d',
          format: 'yyyy-MM-dd',
          keyed: true,
        },
      },
    });
    expect(Object.keys(r.d.buckets)).toEqual([
      '2024-03-08',
      '2024-03-09',
      '2024-03-10',
      '2024-03-11',
      '2024-03-12',
      '2024-03-13',
      '2024-03-14',
    ]);
    expect(r.d.buckets['2024-03-13']).toEqual({
      key_as_string: '2024-03-13',
      key: 1710288000000,
      doc_count: 0,
    });
    for (const def of [
      { field: 'created', calendar_interval: '2d' },
      { field: 'created', fixed_interval: '1M' },
      { field: 'created', calendar_interval: '1d', fixed_interval: '1d' },
      { field: 'created' },
      { field: 'user', calendar_interval: '1d' },
    ]) {
      expectAtlas400(await atlan.fail({ size: 0, aggs: { d: { date_histogram: def } } }));
    }
  });

  it('case 51: metric values', async () => {
    const r = await aggs(
      {
        mn: { min: { field: 'created' } },
        mx: { max: { field: 'created' } },
        vc: { value_count: { field: 'user' } },
        cd: { cardinality: { field: 'user' } },
      },
      { term: { entityId: A } },
    );
    expect(r.mn).toEqual({ value: 1709888400020, value_as_string: '2024-03-08T09:00:00.020Z' });
    expect(r.mx).toEqual({ value: 1710460799999, value_as_string: '2024-03-14T23:59:59.999Z' });
    expect(r.vc).toEqual({ value: 9 });
    expect(r.cd).toEqual({ value: 5 });
    const d = await aggs({ av: { avg: { field: 'created' } } }, { term: { entityId: D } });
    expect(d.av).toEqual({ value: 1710006300013.5, value_as_string: '2024-03-09T17:45:00.013Z' });
    expectAtlas400(await atlan.fail({ size: 0, aggs: { m: { max: { field: 'user' } } } }));
  });

  it('case 52: empty input', async () => {
    const body = await atlan.search({
      size: 0,
      query: { term: { user: 'nobody' } },
      aggs: {
        mn: { min: { field: 'created' } },
        mx: { max: { field: 'created' } },
        av: { avg: { field: 'created' } },
        sm: { sum: { field: 'created' } },
        vc: { value_count: { field: 'user' } },
        cd: { cardinality: { field: 'user' } },
        t: { terms: { field: 'user' } },
        h: { date_histogram: { field: 'created', calendar_interval: '1d' } },
      },
    });
    expect(body.totalCount).toBe(0);
    expect(body.aggregations).toEqual({
      mn: { value: null },
      mx: { value: null },
      av: { value: null },
      sm: { value: 0, value_as_string: '1970-01-01T00:00:00.000Z' },
      vc: { value: 0 },
      cd: { value: 0 },
      t: { doc_count_error_upper_bound: 0, sum_other_doc_count: 0, buckets: [] },
      h: { buckets: [] },
    });
    const r = await aggs({
      by_day: {
        date_histogram: { field: 'created', calendar_interval: '1d' },
        aggs: { latest: { max: { field: 'created' } } },
      },
    });
    expect(r.by_day.buckets[5]).toEqual({
      key_as_string: '2024-03-13T00:00:00.000Z',
      key: 1710288000000,
      doc_count: 0,
      latest: { value: null },
    });
    expect(r.by_day.buckets[0].latest).toEqual({
      value: 1709920800010,
      value_as_string: '2024-03-08T18:00:00.010Z',
    });
  });

  it('case 53: aggregations null and alias', async () => {
    for (const dsl of [{ size: 0, aggregations: {} }, { size: 0, aggs: {} }, { size: 0 }]) {
      expect(await atlan.search(dsl)).toMatchObject({ aggregations: null, totalCount: 16 });
    }
    const body = await atlan.search({
      size: 0,
      aggregations: { u: { terms: { field: 'user', size: 1 } } },
    });
    expect(pairs(body.aggregations?.u)).toEqual([[SVC, 6]]);
    expect(body.aggregations?.u.sum_other_doc_count).toBe(10);
  });

  it('case 54: filter, filters, meta', async () => {
    const creates = { term: { action: 'ENTITY_CREATE' } };
    const bob = { term: { user: 'bob' } };
    const r = await aggs({
      c: { filter: creates, meta: { ui: 'x' }, aggs: { u: { terms: { field: 'user' } } } },
      f: { filters: { filters: { creates, bob }, other_bucket: true } },
      a: { filters: { filters: [creates, bob] } },
      k: { filters: { filters: { creates, bob }, keyed: false } },
    });
    expect(r.c.meta).toEqual({ ui: 'x' });
    expect(r.c.doc_count).toBe(5);
    expect(pairs(r.c.u)).toEqual([
      ['alice', 2],
      ['Zed', 1],
      ['bob', 1],
      [SVC, 1],
    ]);
    expect(r.f.buckets).toEqual({
      bob: { doc_count: 3 },
      creates: { doc_count: 5 },
      _other_: { doc_count: 9 },
    });
    expect(Object.keys(r.f.buckets)).toEqual(['bob', 'creates', '_other_']);
    expect(r.a.buckets).toEqual([{ doc_count: 5 }, { doc_count: 3 }]);
    expect(r.k.buckets).toEqual([
      { key: 'bob', doc_count: 3 },
      { key: 'creates', doc_count: 5 },
    ]);
    expectAtlas400(await atlan.fail({ size: 0, aggs: { f: { filters: { filters: {} } } } }));
  });

  it('case 55: nested aggregation', async () => {
    const r = await aggs({
      n: {
        nested: { path: 'detail' },
        aggs: {
          t: { terms: { field: 'detail.typeName', size: 3 } },
          u: { terms: { field: 'user' } },
        },
      },
      top: { terms: { field: 'detail.typeName' } },
    });
    expect(r.n.doc_count).toBe(16);
    expect(r.n.t).toEqual({
      doc_count_error_upper_bound: 0,
      sum_other_doc_count: 3,
      buckets: [
        { key: 'Table', doc_count: 7 },
        { key: 'Column', doc_count: 2 },
        { key: 'ConfTagHashId000000002', doc_count: 2 },
      ],
    });
    expect(r.n.u.buckets).toEqual([]);
    expect(r.top).toEqual({ doc_count_error_upper_bound: 0, sum_other_doc_count: 0, buckets: [] });
    expectAtlas400(await atlan.fail({ size: 0, aggs: { n: { nested: { path: 'headers' } } } }));
  });

  it('case 56: unsupported aggregations', async () => {
    expectAtlas400(
      await atlan.fail({ size: 0, aggs: { p: { percentiles: { field: 'created' } } } }),
      'aggregation type [percentiles] is not supported',
    );
    expectAtlas400(
      await atlan.fail({ size: 0, aggs: { x: { nope: {} } } }),
      'Unknown aggregation type [nope]',
    );
    expectAtlas400(
      await atlan.fail({
        size: 0,
        aggs: { m: { max: { field: 'created' }, aggs: { u: { terms: { field: 'user' } } } } },
      }),
    );
    expectAtlas400(await atlan.fail({ size: 0, aggs: { 'a>b': { max: { field: 'created' } } } }));
  });
});

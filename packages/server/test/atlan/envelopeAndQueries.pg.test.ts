/** spec/atlan-auditsearch.md §10.2 cases 1–31: envelope, errors, field and query semantics. */
import { A, B, C, D, E, PII, CONF, qnA, SVC, rowNumber } from './atlanFixture';
import { DEFAULT_ORDER, expectAtlas400, expectBody400, useAtlanFixture } from './conformance';

const atlan = useAtlanFixture();
const KEYS = [
  'entityQualifiedName',
  'typeName',
  'entityId',
  'timestamp',
  'created',
  'user',
  'action',
  'details',
  'eventKey',
  'entity',
  'type',
  'detail',
  'entityDetail',
  'headers',
];
const CASE1 = {
  from: 0,
  size: 10,
  sort: [{ created: { order: 'desc' } }],
  query: { bool: { filter: { term: { entityId: A } } } },
};
const A_DETAIL = {
  typeName: 'Table',
  guid: A,
  status: 'ACTIVE',
  displayText: 'ORDERS',
  attributes: {},
  classificationNames: [PII],
  classifications: [
    {
      typeName: PII,
      entityGuid: A,
      entityStatus: 'ACTIVE',
      propagate: true,
      removePropagationsOnEntityDelete: true,
    },
  ],
  labels: ['critical', 'finance'],
  meaningNames: [],
  meanings: [],
  isIncomplete: false,
  createdBy: 'alice',
  createTime: 1709888400000,
  updatedBy: 'Zed',
  updateTime: 1710460799990,
};

describe('envelope, errors, authentication', () => {
  it('case 1: seed request by GUID', async () => {
    const body = await atlan.search(CASE1);
    expect(body.entityAudits.map(rowNumber)).toEqual([15, 12, 11, 10, 8, 5, 6, 4, 1]);
    expect(body).toMatchObject({ count: 9, totalCount: 9, aggregations: null, linkedEntities: {} });
    for (const e of body.entityAudits) {
      expect(Object.keys(e).sort()).toEqual([...KEYS].sort());
      expect(e).toMatchObject({ details: null, entity: null, type: null });
      expect(e.entityDetail).toEqual(A_DETAIL);
    }
    expect(body.entityAudits[5]).toEqual({
      entityQualifiedName: qnA,
      typeName: 'Table',
      entityId: A,
      timestamp: 1709985600000,
      created: 1709985600040,
      user: SVC,
      action: 'CLASSIFICATION_ADD',
      details: null,
      eventKey: `${A}:1709985600000`,
      entity: null,
      type: null,
      detail: {
        typeName: PII,
        entityGuid: A,
        entityStatus: 'ACTIVE',
        propagate: true,
        removePropagationsOnEntityDelete: true,
      },
      entityDetail: A_DETAIL,
      headers: { 'x-atlan-agent': 'sdk', 'x-atlan-agent-id': 'python' },
    });
  });

  it('case 2: alias path and shape leniency', async () => {
    const expected = await atlan.search(CASE1);
    const alias = await atlan.post({ dsl: CASE1 }, 'K1', '/api/atlas/v2/entity/auditSearch');
    expect(alias.status).toBe(200);
    expect(alias.body).toEqual(expected);
    expect(
      await atlan.search({
        ...CASE1,
        query: { bool: { filter: [{ term: { entityId: { value: A } } }] } },
      }),
    ).toEqual(expected);
    expect(await atlan.search({ ...CASE1, sort: { created: { order: 'desc' } } })).toEqual(
      expected,
    );
  });

  it('case 3: missing or empty dsl', async () => {
    for (const body of [{}, { dsl: null }, { dsl: {} }]) {
      const res = await atlan.post(body);
      expect(res.status).toBe(200);
      expect(res.body.entityAudits.map(rowNumber)).toEqual(DEFAULT_ORDER.slice(0, 10));
      expect(res.body).toMatchObject({ count: 10, totalCount: 16, aggregations: null });
    }
  });

  it('case 4: body-level errors', async () => {
    const raw = (text: string) => atlan.post(undefined).send(text);
    for (const text of [
      '',
      'null',
      '[]',
      '{"dsl":{},"foo":1}',
      '{"dsl":"x"}',
      '{"attributes":"name"}',
      '{"attributes":[1]}',
      '{"suppressLogs":"true"}',
      '{"dsl":',
    ]) {
      const res = await raw(text);
      expectBody400(res);
      expect(typeof res.body.error).toBe('string');
    }
    const ok = await atlan.post({ dsl: {}, attributes: [], suppressLogs: false });
    expect(ok.status).toBe(200);
  });

  it('case 5: authentication and precedence', async () => {
    const none = await atlan.post({ dsl: {} }, 'nobody');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({
      errorCode: 'ATLAS-401-00-001',
      errorMessage: 'Authentication required',
    });
    expect(none.headers['www-authenticate']).toBeDefined();
    const wrong = await atlan.post({ dsl: {} }).set('Authorization', 'Bearer wrong');
    expect(wrong.status).toBe(401);
    expect((await atlan.post(undefined, 'nobody').send('{"dsl":')).status).toBe(401);
    expectBody400(await atlan.post(undefined).send('{"dsl":'));
    expectAtlas400(await atlan.fail({ query: { nope: {} } }));
    const get = await atlan.call('get', '/api/meta/entity/auditSearch');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(get.body).toEqual({ error: 'Method Not Allowed' });
  });

  it('case 6: unsupported and malformed queries', async () => {
    const qs = await atlan.fail({ query: { query_string: { query: 'user:bob' } } });
    expectAtlas400(qs, 'query type [query_string] is not supported');
    for (const t of [
      'bool',
      'constant_score',
      'exists',
      'match',
      'match_all',
      'match_none',
      'nested',
      'prefix',
      'range',
      'term',
      'terms',
      'wildcard',
    ]) {
      expect(qs.body.errorMessage).toEqual(expect.stringContaining(t));
    }
    expectAtlas400(await atlan.fail({ query: { nope: {} } }), 'unknown query [nope]');
    expectAtlas400(await atlan.fail({ query: { regexp: { user: 'b.*' } } }));
    expectAtlas400(
      await atlan.fail({ query: { term: { user: 'bob' }, exists: { field: 'user' } } }),
      'malformed query',
    );
    expectAtlas400(await atlan.fail({ query: {} }), 'query malformed, empty clause found');
  });

  it('case 7: top-level dsl keys', async () => {
    expectAtlas400(await atlan.fail({ foo: 1 }), 'Unknown key for a VALUE_NUMBER in [foo]');
    expectAtlas400(
      await atlan.fail({ collapse: { field: 'user' } }),
      '[collapse] is not supported',
    );
    const body = await atlan.search({ _source: ['entityId'], query: { term: { user: 'Alice' } } });
    expect(body.entityAudits.map(rowNumber)).toEqual([10]);
    expect(Object.keys(body.entityAudits[0] ?? {})).toHaveLength(14);
    expect(body.entityAudits[0]?.detail).toEqual({
      typeName: 'CmSetHashId00000000001',
      attributes: { CmAttrHashId0000000001: 'gold', CmAttrHashId0000000002: null },
    });
    expectAtlas400(await atlan.fail({ aggs: {}, aggregations: {} }));
  });
});

describe('field semantics', () => {
  it('case 8: shared eventKey, tag events', async () => {
    const body = await atlan.search({
      size: 20,
      query: { term: { eventKey: `${A}:1709985600000` } },
    });
    expect(body.entityAudits.map(rowNumber).sort()).toEqual([5, 6]);
    for (const e of body.entityAudits)
      expect(e).toMatchObject({ typeName: 'Table', eventKey: `${A}:1709985600000` });
    expect(body.entityAudits.map((e) => (e.detail as { typeName: string }).typeName)).toEqual([
      PII,
      CONF,
    ]);
  });

  it('case 9: created vs timestamp', async () => {
    expect(await atlan.set({ term: { timestamp: 1710460799990 } })).toEqual({
      total: 1,
      rows: [15],
    });
    expect(await atlan.set({ term: { created: 1710460799990 } })).toEqual({ total: 0, rows: [] });
    expect(await atlan.set({ term: { created: 1710460799999 } })).toEqual({ total: 1, rows: [15] });
  });

  it('case 10: headers', async () => {
    expect(await atlan.set({ term: { 'headers.x-atlan-agent-id': 'python' } })).toEqual({
      total: 6,
      rows: [4, 5, 6, 12, 14, 16],
    });
    expect((await atlan.set({ term: { 'headers.x-atlan-agent': 'sdk' } })).total).toBe(8);
    expect((await atlan.set({ exists: { field: 'headers' } })).total).toBe(13);
    const body = await atlan.search({
      size: 20,
      query: { bool: { must_not: { exists: { field: 'headers' } } } },
    });
    expect(body.entityAudits.map(rowNumber)).toEqual([15, 9, 3]);
    expect(body.entityAudits.map((e) => e.headers)).toEqual([null, null, null]);
    expect((await atlan.set({ term: { 'headers.X-Atlan-Agent-Id': 'python' } })).total).toBe(0);
  });
});

describe('query semantics', () => {
  it('case 11: equivalent forms', async () => {
    for (const q of [
      { term: { user: 'bob' } },
      { term: { user: { value: 'bob' } } },
      { term: { user: { value: 'bob', boost: 2.0, _name: 'q' } } },
      { match: { user: 'bob' } },
      { match: { user: { query: 'bob', operator: 'and' } } },
      { constant_score: { filter: { term: { user: 'bob' } }, boost: 1.2 } },
    ]) {
      expect(await atlan.rows(q)).toEqual({ total: 3, rows: [9, 4, 3] });
    }
  });

  it('case 12: case sensitivity', async () => {
    const lower = 'default/snowflake/1700000000/db/sch/orders';
    expect((await atlan.set({ term: { entityQualifiedName: lower } })).total).toBe(0);
    expect(
      await atlan.set({ term: { entityQualifiedName: { value: lower, case_insensitive: true } } }),
    ).toEqual({ total: 9, rows: [1, 4, 5, 6, 8, 10, 11, 12, 15] });
    expect(await atlan.set({ term: { user: 'alice' } })).toEqual({ total: 3, rows: [1, 2, 11] });
    expect((await atlan.set({ match: { user: 'ALICE' } })).total).toBe(0);
  });

  it('case 13: term structure errors', async () => {
    expectAtlas400(await atlan.fail({ query: { term: { user: ['bob', 'Zed'] } } }));
    expectAtlas400(await atlan.fail({ query: { term: { user: 'bob', action: 'TERM_ADD' } } }));
    expectAtlas400(
      await atlan.fail({ query: { term: { user: { value: 'bob', fuzzy: 1 } } } }),
      '[term] query does not support [fuzzy]',
    );
    expectAtlas400(await atlan.fail({ query: { term: { user: null } } }));
  });

  it('case 14: unmapped fields', async () => {
    expect((await atlan.set({ term: { 'entityId.keyword': A } })).total).toBe(0);
    expect((await atlan.set({ term: { User: 'bob' } })).total).toBe(0);
    expect((await atlan.set({ exists: { field: 'foo' } })).total).toBe(0);
    expect((await atlan.set({ range: { foo: { gte: 'not-a-date' } } })).total).toBe(0);
    expect((await atlan.set({ bool: { must_not: { term: { foo: 'x' } } } })).total).toBe(16);
  });

  it('case 15: terms', async () => {
    expect(await atlan.set({ terms: { user: ['Alice', 'Zed'] } })).toEqual({
      total: 4,
      rows: [7, 8, 10, 15],
    });
    expect((await atlan.set({ terms: { user: [] } })).total).toBe(0);
    expect(await atlan.set({ terms: { created: ['2024-03-09', 1710460799999] } })).toEqual({
      total: 4,
      rows: [4, 5, 6, 15],
    });
    expectAtlas400(await atlan.fail({ query: { terms: { user: 'bob' } } }));
  });

  it('case 16: equality on dates is a whole unit', async () => {
    expect(await atlan.set({ term: { created: '2024-03-09' } })).toEqual({
      total: 3,
      rows: [4, 5, 6],
    });
    expect(await atlan.set({ match: { created: '2024-03-09' } })).toEqual({
      total: 3,
      rows: [4, 5, 6],
    });
    expect(await atlan.set({ term: { created: 1709978400030 } })).toEqual({ total: 1, rows: [4] });
    expect((await atlan.set({ term: { created: '2024-03' } })).total).toBe(0);
    expect(await atlan.set({ term: { timestamp: '2024-03-10' } })).toEqual({
      total: 3,
      rows: [7, 8, 9],
    });
  });

  const onCreated = (params: object) => ({ range: { created: params } });

  it('case 17: date-only bounds per operator', async () => {
    expect(await atlan.set(onCreated({ gte: '2024-03-11' }))).toEqual({
      total: 6,
      rows: [10, 11, 12, 13, 14, 15],
    });
    expect(await atlan.set(onCreated({ gt: '2024-03-11' }))).toEqual({
      total: 4,
      rows: [12, 13, 14, 15],
    });
    expect((await atlan.set(onCreated({ lt: '2024-03-14' }))).total).toBe(14);
    expect((await atlan.set(onCreated({ lte: '2024-03-14' }))).total).toBe(16);
  });

  it('case 18: missing components and round-up', async () => {
    expect((await atlan.set(onCreated({ lte: '2024-03-14T23:59:59Z' }))).total).toBe(16);
    expect((await atlan.set(onCreated({ lte: '2024-03-14T23:59:59.998Z' }))).total).toBe(15);
    expect((await atlan.set(onCreated({ lte: '2024-03' }))).total).toBe(0);
    expect((await atlan.set(onCreated({ gte: '2024-03' }))).total).toBe(16);
    expect((await atlan.set(onCreated({ gt: '2024-03' }))).total).toBe(16);
  });

  it('case 19: now math per operator', async () => {
    expect(await atlan.set(onCreated({ gte: 'now/d' }))).toEqual({
      total: 4,
      rows: [12, 13, 14, 15],
    });
    expect(await atlan.set(onCreated({ gt: 'now/d' }))).toEqual({ total: 2, rows: [14, 15] });
    expect((await atlan.set(onCreated({ lt: 'now/d' }))).total).toBe(12);
    expect((await atlan.set(onCreated({ lte: 'now/d' }))).total).toBe(14);
    expect(await atlan.set(onCreated({ gte: 'now-2d/d' }))).toEqual({
      total: 9,
      rows: [7, 8, 9, 10, 11, 12, 13, 14, 15],
    });
    expect((await atlan.set(onCreated({ gte: 'now-1M' }))).total).toBe(16);
  });

  it('case 20: time_zone', async () => {
    const ny = 'America/New_York';
    expect(
      (await atlan.set(onCreated({ gte: '2024-03-10T00:00:00', time_zone: ny }))).rows,
    ).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect((await atlan.set(onCreated({ gte: '2024-03-10T00:00:00' }))).total).toBe(9);
    expect((await atlan.set(onCreated({ gte: '2024-03-10T00:00:00Z', time_zone: ny }))).total).toBe(
      9,
    );
    expect((await atlan.set(onCreated({ gte: 1710046800000, time_zone: '+05:00' }))).total).toBe(8);
    expectAtlas400(
      await atlan.fail({ query: onCreated({ gte: '2024-03-10', time_zone: 'Mars/Base' }) }),
      'Unknown time-zone ID: Mars/Base',
    );
  });

  it('case 21: anchors, rounding in a zone, Monday weeks', async () => {
    expect(
      (
        await atlan.set(
          onCreated({ gte: '2024-03-12T02:00:00Z||/d', time_zone: 'America/New_York' }),
        )
      ).rows,
    ).toEqual([11, 12, 13, 14, 15]);
    expect((await atlan.set(onCreated({ gte: '2024-03-12T02:00:00Z||/d' }))).rows).toEqual([
      12, 13, 14, 15,
    ]);
    expect((await atlan.set(onCreated({ gte: '2024-03-10||/w' }))).total).toBe(16);
    expect((await atlan.set(onCreated({ lt: '2024-03-10||/w' }))).total).toBe(0);
    expect((await atlan.set(onCreated({ lte: '2024-03-10||/w' }))).total).toBe(10);
    expect((await atlan.set(onCreated({ gt: '2024-03-10||/w' }))).rows).toEqual([
      10, 11, 12, 13, 14, 15,
    ]);
  });

  it('case 22: legacy parameters, null and inverted bounds', async () => {
    expect(
      await atlan.set(
        onCreated({
          from: '2024-03-09',
          to: '2024-03-10',
          include_lower: true,
          include_upper: false,
        }),
      ),
    ).toEqual({ total: 3, rows: [4, 5, 6] });
    expect(await atlan.set(onCreated({ from: null, to: '2024-03-08' }))).toEqual({
      total: 4,
      rows: [1, 2, 3, 16],
    });
    expect((await atlan.set(onCreated({ gte: '2024-03-12', lte: '2024-03-09' }))).total).toBe(0);
    expect((await atlan.set(onCreated({ gte: null, lt: '2024-03-09' }))).total).toBe(4);
    expect((await atlan.set(onCreated({ gt: '2024-03-11', gte: '2024-03-11' }))).total).toBe(6);
    expect((await atlan.set(onCreated({ gte: '2024-03-11', gt: '2024-03-11' }))).total).toBe(4);
  });

  it('case 23: format', async () => {
    expect((await atlan.set(onCreated({ gte: '09/03/2024', format: 'dd/MM/yyyy' }))).total).toBe(
      12,
    );
    expect((await atlan.set(onCreated({ lte: '09/03/2024', format: 'dd/MM/yyyy' }))).total).toBe(7);
    expect((await atlan.set(onCreated({ gte: '1710115200', format: 'epoch_second' }))).total).toBe(
      6,
    );
    expectAtlas400(await atlan.fail({ query: onCreated({ gte: '2024-03-09', format: 'bogus' }) }));
  });

  it('case 24: bad dates', async () => {
    for (const gte of ['2024-13-01', '2024-3-9', 'now/2d', 'now+1q']) {
      expectAtlas400(await atlan.fail({ query: onCreated({ gte }) }), 'failed to parse date field');
    }
    expectAtlas400(
      await atlan.fail({ query: { term: { created: 'yesterday' } } }),
      'failed to parse date field',
    );
    expect(
      (await atlan.set({ match: { created: { query: 'yesterday', lenient: true } } })).total,
    ).toBe(0);
  });

  it('case 25: keyword ranges are binary', async () => {
    expect((await atlan.set({ range: { user: { gte: 'a' } } })).total).toBe(12);
    expect(await atlan.set({ range: { user: { lt: 'a' } } })).toEqual({
      total: 4,
      rows: [7, 8, 10, 15],
    });
    expectAtlas400(
      await atlan.fail({ query: { range: { user: { gte: 'a', time_zone: 'UTC' } } } }),
      'time_zone can not be applied to non date field [user]',
    );
  });

  it('case 26: prefix and wildcard', async () => {
    const base = 'default/snowflake/1700000000/DB/SCH/';
    expect((await atlan.set({ prefix: { entityQualifiedName: `${base}ORDERS` } })).total).toBe(11);
    expect(await atlan.set({ prefix: { entityQualifiedName: `${base}TMP_` } })).toEqual({
      total: 4,
      rows: [3, 9, 14, 16],
    });
    expect(await atlan.set({ wildcard: { entityQualifiedName: '*/TMP_?OAD' } })).toEqual({
      total: 2,
      rows: [3, 9],
    });
    expect((await atlan.set({ wildcard: { entityQualifiedName: `${base}TMP_LOA_` } })).total).toBe(
      0,
    );
    expect((await atlan.set({ wildcard: { entityQualifiedName: '*orders' } })).total).toBe(0);
    expect(
      (
        await atlan.set({
          wildcard: { entityQualifiedName: { value: '*orders', case_insensitive: true } },
        })
      ).total,
    ).toBe(9);
    expect(
      (await atlan.set({ wildcard: { entityQualifiedName: { wildcard: '*TMP%' } } })).total,
    ).toBe(0);
    expectAtlas400(await atlan.fail({ query: { prefix: { created: '2024' } } }));
  });

  it('case 27: exists', async () => {
    expect((await atlan.set({ exists: { field: 'created' } })).total).toBe(16);
    expect((await atlan.set({ exists: { field: 'headers.x-atlan-agent-id' } })).total).toBe(8);
    expect((await atlan.set({ exists: { field: 'headers.*' } })).total).toBe(13);
    expect((await atlan.set({ exists: { field: 'detail' } })).total).toBe(0);
    expectAtlas400(await atlan.fail({ query: { exists: {} } }));
  });

  it('case 28: should semantics', async () => {
    const should = [{ term: { user: 'alice' } }, { term: { user: 'bob' } }];
    expect(await atlan.set({ bool: { should } })).toEqual({ total: 6, rows: [1, 2, 3, 4, 9, 11] });
    const columnBob = {
      filter: [{ term: { typeName: 'Column' } }],
      should: [{ term: { user: 'bob' } }],
    };
    expect(await atlan.set({ bool: columnBob })).toEqual({ total: 2, rows: [2, 13] });
    expect((await atlan.set({ bool: { ...columnBob, minimum_should_match: 1 } })).total).toBe(0);
    expect(
      await atlan.set({
        bool: {
          must: { term: { typeName: 'Table' } },
          filter: [{ bool: { should: [{ term: { user: 'bob' } }, { term: { user: 'Zed' } }] } }],
        },
      }),
    ).toEqual({ total: 5, rows: [3, 4, 8, 9, 15] });
  });

  it('case 29: minimum_should_match', async () => {
    const should = [{ term: { user: 'alice' } }, { term: { user: 'bob' } }];
    expect((await atlan.set({ bool: { should, minimum_should_match: 3 } })).total).toBe(0);
    expect(
      (
        await atlan.set({
          bool: { filter: [{ term: { typeName: 'Column' } }], minimum_should_match: 1 },
        })
      ).total,
    ).toBe(0);
    const S3 = [
      { term: { user: 'alice' } },
      { term: { action: 'ENTITY_CREATE' } },
      { term: { typeName: 'Column' } },
    ];
    const msm = (m: unknown) => atlan.set({ bool: { should: S3, minimum_should_match: m } });
    expect(await msm('-1')).toEqual({ total: 2, rows: [1, 2] });
    expect(await msm('50%')).toEqual({ total: 7, rows: [1, 2, 3, 7, 11, 13, 16] });
    expect((await msm('67%')).total).toBe(2);
    expect((await msm('2<-1')).total).toBe(2);
    expect(await msm('3<-1')).toEqual({ total: 1, rows: [2] });
    expect((await msm(0)).total).toBe(7);
    expectAtlas400(
      await atlan.fail({ query: { bool: { should: S3, minimum_should_match: 'abc' } } }),
    );
  });

  it('case 30: negation, empty bools, harness shape', async () => {
    expect((await atlan.set({ bool: { must_not: { term: { user: SVC } } } })).total).toBe(10);
    expect(
      await atlan.set({
        bool: {
          should: [{ term: { user: SVC } }],
          must_not: [{ term: { action: 'ENTITY_PURGE' } }],
        },
      }),
    ).toEqual({ total: 5, rows: [5, 6, 12, 13, 16] });
    expect(
      (
        await atlan.set({
          bool: { must_not: { term: { user: 'bob' } }, adjust_pure_negative: false },
        })
      ).total,
    ).toBe(0);
    expect((await atlan.set({ bool: {} })).total).toBe(16);
    expect((await atlan.set({ match_all: {} })).total).toBe(16);
    expect((await atlan.set({ match_none: {} })).total).toBe(0);
    expectAtlas400(await atlan.fail({ query: { bool: { must: [{}] } } }));
    expectAtlas400(await atlan.fail({ query: { constant_score: {} } }));
    expect(
      await atlan.rows({
        bool: {
          filter: {
            bool: {
              must: [{ term: { entityQualifiedName: qnA } }, { term: { action: 'ENTITY_UPDATE' } }],
            },
          },
        },
      }),
    ).toEqual({ total: 2, rows: [15, 4] });
  });

  it('case 31: nested detail', async () => {
    const nested = (query: object) => ({ nested: { path: 'detail', query } });
    expect((await atlan.set({ term: { 'detail.typeName': PII } })).total).toBe(0);
    expect(await atlan.set(nested({ term: { 'detail.typeName': PII } }))).toEqual({
      total: 1,
      rows: [5],
    });
    expect(await atlan.set(nested({ term: { 'detail.typeName.keyword': 'Table' } }))).toEqual({
      total: 7,
      rows: [1, 3, 4, 9, 14, 15, 16],
    });
    expect(
      await atlan.set(nested({ exists: { field: 'detail.attributes.certificateStatus' } })),
    ).toEqual({ total: 2, rows: [1, 4] });
    expect(
      await atlan.set(
        nested({
          bool: {
            must: [
              { term: { 'detail.typeName': 'Table' } },
              { term: { 'detail.attributes.certificateStatus': 'VERIFIED' } },
            ],
          },
        }),
      ),
    ).toEqual({ total: 1, rows: [4] });
    expect(
      await atlan.set(nested({ term: { 'detail.attributes.CmAttrHashId0000000001': 'gold' } })),
    ).toEqual({ total: 1, rows: [10] });
    expect((await atlan.set(nested({ term: { user: 'bob' } }))).total).toBe(0);
    expect((await atlan.set(nested({ match: { 'detail.attributes.name': 'orders' } }))).total).toBe(
      0,
    );
    expectAtlas400(
      await atlan.fail({ query: { nested: { path: 'headers', query: { match_all: {} } } } }),
    );
  });
});

void [B, C, D, E];

/** spec/atlan-auditsearch.md §10.2 cases 57–61 and 65–67 on fixtures F and F+X. */
import { A, B, CONF, D, E, P, PII, SEARCH, SVC, rowNumber } from './atlanFixture';
import { expectAtlas400, expectBody400, useAtlanFixture } from './conformance';

const atlan = useAtlanFixture();
const TYPEDEFS = '/api/meta/types/typedefs/';

describe('entityDetail, policies, typedefs, SDK wire formats', () => {
  it('case 57: entityDetail and projection', async () => {
    const a = await atlan.post({
      dsl: { query: { term: { entityId: A } } },
      attributes: ['name', 'certificateStatus', 'userDescription'],
    });
    expect(a.status).toBe(200);
    expect(a.body.entityAudits).toHaveLength(9);
    for (const e of a.body.entityAudits) {
      expect(e.entityDetail).toMatchObject({
        typeName: 'Table',
        guid: A,
        status: 'ACTIVE',
        displayText: 'ORDERS',
        updatedBy: 'Zed',
      });
      expect(e.entityDetail.attributes).toEqual({
        name: 'ORDERS',
        userDescription: 'Orders fact table',
      });
    }
    const b = await atlan.post({
      dsl: { query: { term: { entityId: B } } },
      attributes: ['name', 'description'],
    });
    for (const e of b.body.entityAudits) {
      expect(e.entityDetail).toMatchObject({
        attributes: { name: 'ID' },
        updatedBy: SVC,
        updateTime: 1710234900000,
      });
    }
    const d = await atlan.search({ query: { term: { entityId: D } } });
    expect(d.entityAudits.map(rowNumber)).toEqual([9, 3]);
    for (const e of d.entityAudits) expect(e.entityDetail).toMatchObject({ status: 'DELETED' });
    const p = await atlan.search({ query: { term: { entityId: P } } });
    expect(p.entityAudits.map(rowNumber)).toEqual([14, 16]);
    for (const e of p.entityAudits) {
      expect(e.entityDetail).toBeNull();
      expect(e.detail).not.toBeNull();
    }
    const empty = await atlan.post({ dsl: { query: { term: { entityId: A } } }, attributes: [] });
    for (const e of empty.body.entityAudits) expect(e.entityDetail.attributes).toEqual({});
  });

  it('case 58: policies and tenants', async () => {
    const all = await atlan.search({ size: 20 }, 'K2');
    expect(all.totalCount).toBe(14);
    const rows = all.entityAudits.map(rowNumber);
    expect(rows).not.toContain(2);
    expect(rows).not.toContain(13);
    for (const e of all.entityAudits) {
      const n = rowNumber(e);
      if (n === 3 || n === 9) expect(e).toMatchObject({ detail: null, entityDetail: null });
      else expect(e.detail).not.toBeNull();
    }
    const t = await atlan.search({ size: 0, aggs: { t: { terms: { field: 'typeName' } } } }, 'K2');
    expect(t.aggregations?.t.buckets).toEqual([
      { key: 'Table', doc_count: 13 },
      { key: 'AtlasGlossaryTerm', doc_count: 1 },
    ]);
    expect(
      await atlan.set(
        { nested: { path: 'detail', query: { term: { 'detail.typeName': 'Table' } } } },
        'K2',
      ),
    ).toEqual({ total: 5, rows: [1, 4, 14, 15, 16] });
    const z = await atlan.search(
      {
        size: 0,
        query: { term: { action: 'ENTITY_CREATE' } },
        aggs: { u: { terms: { field: 'user', min_doc_count: 0 } } },
      },
      'K2',
    );
    expect(
      z.aggregations?.u.buckets.map((b: { key: string; doc_count: number }) => [
        b.key,
        b.doc_count,
      ]),
    ).toEqual([
      ['Zed', 1],
      ['alice', 1],
      ['bob', 1],
      [SVC, 1],
      ['Alice', 0],
    ]);
    expect(await atlan.search({}, 'K3')).toMatchObject({ totalCount: 0, entityAudits: [] });
    const k3 = await atlan.search(
      { size: 0, aggs: { u: { terms: { field: 'user', min_doc_count: 0 } } } },
      'K3',
    );
    expect(k3.aggregations?.u.buckets).toEqual([]);
  });

  it('case 59: type definitions', async () => {
    for (const path of [
      `${TYPEDEFS}?type=CLASSIFICATION&type=STRUCT`,
      '/api/atlas/v2/types/typedefs/?type=CLASSIFICATION&type=STRUCT',
      '/api/meta/types/typedefs?type=classification&type=struct',
    ]) {
      const res = await atlan.call('get', path);
      expect(res.status).toBe(200);
      expect(
        res.body.classificationDefs
          .map((d: { name: string; displayName: string; category: string }) => [
            d.name,
            d.displayName,
            d.category,
          ])
          .sort(),
      ).toEqual([
        [CONF, 'Confidential', 'CLASSIFICATION'],
        [PII, 'PII', 'CLASSIFICATION'],
      ]);
      expect(
        res.body.structDefs.map((d: { name: string; category: string }) => [d.name, d.category]),
      ).toEqual([
        ['SourceTagAttachment', 'STRUCT'],
        ['SourceTagAttachmentValue', 'STRUCT'],
      ]);
      for (const k of ['enumDefs', 'entityDefs', 'relationshipDefs', 'businessMetadataDefs'])
        expect(res.body[k]).toEqual([]);
    }
    expect((await atlan.call('get', `${TYPEDEFS}?type=STRUCT`)).body.classificationDefs).toEqual(
      [],
    );
    const k3 = await atlan.call('get', `${TYPEDEFS}?type=CLASSIFICATION&type=STRUCT`, 'K3');
    expect(k3.body.classificationDefs).toEqual([]);
    expect(k3.body.structDefs.length).toBeGreaterThan(0);
    expect((await atlan.call('get', TYPEDEFS, 'nobody')).status).toBe(401);
  });

  it('case 60: pyatlan and null qualifiedName', async () => {
    const byGuid = await atlan.post({
      dsl: {
        from: 0,
        size: 10,
        aggregations: {},
        track_total_hits: true,
        query: { bool: { filter: [{ term: { entityId: { value: A } } }] } },
        sort: [{ created: { order: 'desc' } }, { entityId: { order: 'asc' } }],
      },
      attributes: ['name', 'certificateStatus'],
    });
    expect(byGuid.body.entityAudits.map(rowNumber)).toEqual([15, 12, 11, 10, 8, 5, 6, 4, 1]);
    expect(byGuid.body).toMatchObject({ aggregations: null, totalCount: 9 });
    const bulk = (from: number) => ({
      from,
      size: 2,
      aggregations: {},
      track_total_hits: true,
      query: {
        bool: {
          filter: [
            { term: { entityId: { value: A } } },
            { range: { created: { gte: 1709985600040 } } },
          ],
        },
      },
      sort: [{ created: { order: 'asc' } }, { entityId: { order: 'asc' } }],
    });
    const b0 = await atlan.search(bulk(0));
    expect(b0.entityAudits.map(rowNumber)).toEqual([5, 6]);
    expect(b0.totalCount).toBe(7);
    expect((await atlan.search(bulk(1))).entityAudits.map(rowNumber)).toEqual([6, 8]);
    const e = await atlan.search({ query: { term: { entityId: E } } }, 'KX');
    expect(e.entityAudits).toHaveLength(1);
    expect(e.entityAudits[0]?.entityQualifiedName).toBe('');
    expect(
      (await atlan.search({ query: { exists: { field: 'entityQualifiedName' } } }, 'KX'))
        .totalCount,
    ).toBe(16);
    const sorted = await atlan.search({ size: 17, sort: [{ entityQualifiedName: 'asc' }] }, 'KX');
    expect(sorted.entityAudits.at(-1)?.entityId).toBe(E);
    // search_after null: "no value", which sorts after every value (§4.3)
    const afterNull = await atlan.search(
      { sort: [{ entityQualifiedName: 'asc' }], search_after: [null] },
      'KX',
    );
    expect(afterNull.entityAudits).toEqual([]);
    const beforeNull = await atlan.search(
      {
        size: 17,
        sort: [{ entityQualifiedName: 'desc' }],
        search_after: ['default/snowflake/1700000000/DB/SCH/TMP_LOAD'],
      },
      'KX',
    );
    expect(beforeNull.entityAudits.map((x) => x.entityId)).toContain(E);
  });

  it('case 61: role', async () => {
    const res = await atlan.post({ dsl: {} }, 'K5');
    expect(res.status).toBe(403);
    expect(res.body.errorCode).toBe('ATLAS-403-00-001');
    expect(res.body.entityAudits).toBeUndefined();
    expectBody400(await atlan.post(undefined, 'K5').send('{"dsl":'));
    expect((await atlan.call('get', TYPEDEFS, 'K5')).status).toBe(403);
  });

  it('case 65: typedefs transport, query strings, role texts', async () => {
    const head = await atlan.call('head', TYPEDEFS);
    expect(head.status).toBe(200);
    expect(head.text ?? '').toBe('');
    const post = await atlan.call('post', TYPEDEFS);
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect(post.body).toEqual({ error: 'Method Not Allowed' });
    const k5 = await atlan.call('get', TYPEDEFS, 'K5');
    expect(k5.body).toEqual({
      errorCode: 'ATLAS-403-00-001',
      errorMessage: 'K5 is not authorized to read type definitions',
    });
    const k5search = await atlan.post({ dsl: {} }, 'K5');
    expect(k5search.body.errorMessage).toBe('K5 is not authorized to perform audit search');
    const qs = await atlan.post({ dsl: {} }, 'K1', `${SEARCH}?size=1&from=5`);
    expect(qs.body).toEqual(await atlan.search({}));
  });

  it('case 66: depth limits', async () => {
    const Q = (n: number): object => (n === 0 ? { match_all: {} } : { bool: { filter: Q(n - 1) } });
    expect((await atlan.search({ size: 0, query: Q(31) })).totalCount).toBe(16);
    expectAtlas400(await atlan.fail({ size: 0, query: Q(32) }), 'query is nested too deeply');
    const F = (n: number): object => ({
      filter: { match_all: {} },
      ...(n > 1 ? { aggs: { a: F(n - 1) } } : {}),
    });
    const eight = await atlan.search({ size: 0, aggs: { a: F(8) } });
    let level = eight.aggregations?.a;
    for (let i = 1; i < 8; i++) level = level.a;
    expect(level.doc_count).toBe(16);
    expectAtlas400(
      await atlan.fail({ size: 0, aggs: { a: F(9) } }),
      'aggregations are nested too deeply',
    );
    const M = (n: number): object => (n === 1 ? {} : { a: M(n - 1) }); // n objects
    const ok = await atlan.search({
      size: 0,
      aggs: { x: { filter: { match_all: {} }, meta: M(124) } },
    });
    expect(ok.aggregations?.x.meta).toEqual(M(124));
    expectBody400(
      await atlan.post({
        dsl: { size: 0, aggs: { x: { filter: { match_all: {} }, meta: M(125) } } },
      }),
    );
  });

  it('case 67: media type and encoding', async () => {
    const send = (type: string | undefined, body: string | Buffer = '{"dsl":{}}') => {
      const r = atlan.call('post', SEARCH);
      if (type) r.set('Content-Type', type);
      return r.send(body);
    };
    const none = await send(undefined, Buffer.from('{"dsl":{}}'));
    expect(none.status).toBe(415);
    expect(none.body).toEqual({ error: 'Unsupported Media Type: (none)' });
    expect((await send('text/plain')).status).toBe(415);
    expect((await send('application/json; charset=ISO-8859-1')).status).toBe(415);
    const upper = await send('Application/JSON; charset=UTF-8');
    expect(upper.status).toBe(200);
    expect(upper.body).toEqual(await atlan.search({}));
    const bad = Buffer.concat([
      Buffer.from('{"dsl":{},"attributes":["'),
      Buffer.from([0xff]),
      Buffer.from('"]}'),
    ]);
    expectBody400(await send('application/json', bad));
  });

  it('the OpenAPI document lists the Atlan routes', async () => {
    const res = await atlan.call('get', '/docs/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys((res.body as { paths: Record<string, unknown> }).paths);
    for (const p of [
      '/api/meta/entity/auditSearch',
      '/api/atlas/v2/entity/auditSearch',
      '/api/meta/types/typedefs',
      '/api/atlas/v2/types/typedefs',
    ]) {
      expect(paths).toContain(p);
    }
  });
});

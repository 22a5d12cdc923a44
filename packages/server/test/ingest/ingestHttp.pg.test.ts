/**
 * spec/ingest.md §11.2 through HTTP (supertest over the real app, route table and credentials),
 * reading back through the surfaces: the round-trip guarantee of §7 and the transport cases.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Express } from 'express';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestApp } from '../../test-support/testApp';
import { createTestCredential } from '../../test-support/credentials';
import { A1, L1, L2, L3 } from './atlanFixture';
import { T0 } from './ingestRequest';

const db = useTestDatabase();
let app: Express;
const auth: Record<string, string> = {};

beforeAll(async () => {
  app = createTestApp(db()).app;
  const make = async (
    token: string,
    tenant: string,
    name: string,
    roles: string[],
    environments: string[] = [],
    kind: 'token' | 'password' = 'token',
    secret?: string,
  ) => {
    const c = await createTestCredential(db(), {
      tenant,
      name,
      kind,
      roles: roles as never,
      environments,
      ...(secret ? { secret } : {}),
    });
    auth[token] = c.authorization;
  };
  await make('tok-ing', 'acme', 'cred-ing', ['ingest:write'], ['env-a', 'env-b']);
  await make('tok-wb', 'acme', 'cred-wb', ['atomic:workbench'], ['env-a', 'env-b', '_gateway']);
  await make('tok-atlan', 'acme', 'cred-atlan', ['atlan:read']);
  await make('atlas-admin', 'acme', 'atlas-admin', ['atlas:admin'], [], 'password', 's3cret-pw');
  await make('tok-sys-ing', '_system', 'cred-sys-ing', ['ingest:write']);
});

beforeEach(async () => {
  await db().raw('TRUNCATE audit_events, entities, entity_headers, typedefs, idempotency_keys');
});

const ingest = (path: string, body: unknown, token = 'tok-ing') =>
  request(app)
    .post(`/api/v1/ingest/${path}`)
    .set('Authorization', auth[token]!)
    .set('Content-Type', 'application/json')
    .send(JSON.stringify(body));

const atlanQuery = (
  dsl: unknown,
  attributes = ['name', 'description', 'certificateStatus', 'owner'],
) =>
  request(app)
    .post('/api/meta/entity/auditSearch')
    .set('Authorization', auth['tok-atlan']!)
    .set('Content-Type', 'application/json')
    .send({ attributes, dsl });

const forEntity = (g: string) => atlanQuery({ size: 50, query: { term: { entityId: g } } });

describe('ingest over HTTP', () => {
  it('case 1 and 18: posted Atlan records come back from auditSearch unchanged', async () => {
    const r = await ingest('atlan', [L1, L2, L3]);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ingested: 3, duplicates: 0 });
    const q = await forEntity('g1');
    expect(q.status).toBe(200);
    const entries = q.body.entityAudits as Record<string, unknown>[];
    expect(entries.map((e) => e.action)).toEqual(['ENTITY_UPDATE', 'ENTITY_CREATE']);
    const l1 = entries[1]!;
    const { entityDetail, ...rest } = l1;
    expect(rest).toEqual({ ...L1, eventKey: `g1:${T0}`, details: null, entity: null, type: null });
    expect(entityDetail).toMatchObject({
      typeName: 'Table',
      guid: 'g1',
      status: 'ACTIVE',
      attributes: { name: 'orders', description: 'second' },
      updatedBy: 'bob',
      updateTime: T0 + 1000,
    });
    // the whole response array posts back as duplicates (§5.2)
    const again = await ingest('atlan', entries);
    expect(again.body).toEqual({ ingested: 0, duplicates: 2 });
  });

  it('case 9: authentication, role, media type, transport', async () => {
    expect((await request(app).post('/api/v1/ingest/atlan').send('[]')).status).toBe(401);
    expect((await ingest('atlan', [L1], 'tok-wb')).status).toBe(403);
    expect((await ingest('atlan', [L1], 'atlas-admin')).status).toBe(401);
    const text = await request(app)
      .post('/api/v1/ingest/atlan')
      .set('Authorization', auth['tok-ing']!)
      .set('Content-Type', 'text/plain')
      .send('[]');
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('AQ415');
    const gz = await ingest('atlan', [L1]).set('Content-Encoding', 'gzip');
    expect(gz.status).toBe(415);
    const obj = await ingest('atlan', {});
    expect(obj.status).toBe(400);
    expect(obj.body.code).toBe('AQ150');
    const q = await request(app)
      .post('/api/v1/ingest/atlan?dryRun=1')
      .set('Authorization', auth['tok-ing']!)
      .set('Content-Type', 'application/json')
      .send('[]');
    expect(q.body.code).toBe('AQ140');
    const get = await request(app)
      .get('/api/v1/ingest/atlan')
      .set('Authorization', auth['tok-ing']!);
    expect(get.status).toBe(405);
    const slash = await ingest('atlan/', []);
    expect(slash.body).toEqual({ ingested: 0, duplicates: 0 });
    const sys = await ingest('atlan', [L1], 'tok-sys-ing');
    expect(sys.status).toBe(403);
    const { rows } = await db().raw<{ rows: { n: string }[] }>(
      'SELECT count(*) AS n FROM audit_events',
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('case 8: a Content-Length over 16 MiB is refused before the body is read', async () => {
    const server = app.listen(0);
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            port,
            method: 'POST',
            path: '/api/v1/ingest/atlas',
            headers: {
              Authorization: auth['tok-ing']!,
              'Content-Type': 'application/json',
              'Content-Length': String(16 * 1024 * 1024 + 1),
            },
          },
          (res) => {
            let body = '';
            res.on('data', (d: Buffer) => (body += d.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.write('['); // one byte of the announced 16 MiB: the answer must not wait for the rest
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'AQ413', limit: { bytes: 16777216 } });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('cases 12–14: entityDetail follows the state through every step', async () => {
    await ingest('atlan', [L1]);
    const d = (await forEntity('g1')).body.entityAudits[0].entityDetail;
    expect(d).toMatchObject({
      attributes: { name: 'orders', description: 'first', certificateStatus: 'DRAFT' },
      classificationNames: [],
      labels: [],
      createdBy: 'alice',
      createTime: T0,
    });
    await ingest('atlan', [L2]);
    const tag = {
      ...L2,
      action: 'CLASSIFICATION_ADD',
      user: 'alice',
      timestamp: T0 + 2000,
      created: T0 + 2002,
      detail: { typeName: 'tagPII', entityGuid: 'g1', propagate: true },
    };
    await ingest('atlan', [tag]);
    const entries = (await forEntity('g1')).body.entityAudits as { entityDetail: unknown }[];
    expect(entries).toHaveLength(3);
    for (const e of entries)
      expect(e.entityDetail).toMatchObject({ classificationNames: ['tagPII'] });
    const purge = {
      ...L2,
      action: 'ENTITY_PURGE',
      timestamp: T0 + 6000,
      created: T0 + 6002,
      detail: { typeName: 'Table', guid: 'g1', attributes: { qualifiedName: 'db.orders' } },
    };
    await ingest('atlan', [purge]);
    const after = (await forEntity('g1')).body.entityAudits as { entityDetail: unknown }[];
    expect(after).toHaveLength(4);
    for (const e of after) expect(e.entityDetail).toBeNull();
  });

  it('case 16: an Atlas PURGE shows as ENTITY_PURGE on the Atlan and Atlas surfaces', async () => {
    const g3 = {
      ...L3,
      entityId: 'g3',
      timestamp: T0,
      created: T0 + 2,
      detail: { typeName: 'Column', guid: 'g3', attributes: { qualifiedName: 'db.orders.id' } },
    };
    await ingest('atlan', [g3]);
    const entry = {
      guid: 'aaaaaaaa-0000-4000-8000-000000000001',
      userName: 'admin',
      operation: 'PURGE',
      params: '[g3, g9]',
      startTime: T0 + 10000,
      endTime: T0 + 10200,
      clientId: '10.0.0.1',
      result: 'g3,g9',
      resultCount: 2,
    };
    expect((await ingest('atlas', [entry])).body).toEqual({ ingested: 1, duplicates: 0 });
    const q = await atlanQuery({ query: { term: { action: 'ENTITY_PURGE' } } });
    const purges = q.body.entityAudits as Record<string, unknown>[];
    expect(purges.map((p) => p.entityId).sort()).toEqual(['g3', 'g9']);
    expect(purges.find((p) => p.entityId === 'g3')).toMatchObject({
      typeName: 'Column',
      entityQualifiedName: 'db.orders.id',
      user: 'admin',
      timestamp: T0 + 10200,
      created: T0 + 10200,
      eventKey: 'g3:1714557610200',
      detail: {
        typeName: 'Column',
        guid: 'g3',
        status: 'PURGED',
        attributes: { qualifiedName: 'db.orders.id' },
      },
      headers: null,
      entityDetail: null,
    });
    const g9 = await request(app)
      .get('/api/atlas/v2/entity/g9/audit')
      .set('Authorization', auth['atlas-admin']!);
    expect(g9.status).toBe(200);
    expect(g9.body).toHaveLength(1);
    expect(g9.body[0]).toMatchObject({ typeName: 'Referenceable', entityQualifiedName: null });
    const listed = await request(app)
      .post('/api/atlas/admin/audits')
      .set('Authorization', auth['atlas-admin']!)
      .set('Content-Type', 'application/json')
      .send({
        auditFilters: { attributeName: 'userName', operator: 'eq', attributeValue: 'admin' },
      });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([entry]);
    expect((await ingest('atlas', [entry])).body).toEqual({ ingested: 0, duplicates: 1 });
  });

  it('case 19: an Atlas entry comes back with exactly its members and resultCount 0', async () => {
    const e = {
      guid: 'aaaaaaaa-0000-4000-8000-000000000002',
      userName: 'bob',
      operation: 'EXPORT',
      startTime: T0,
      result: '{"hive_table":1}',
    };
    await ingest('atlas', [e]);
    const listed = await request(app)
      .post('/api/atlas/admin/audits')
      .set('Authorization', auth['atlas-admin']!)
      .set('Content-Type', 'application/json')
      .send({ auditFilters: { attributeName: 'userName', operator: 'eq', attributeValue: 'bob' } });
    expect(listed.body).toEqual([{ ...e, resultCount: 0 }]);
  });

  it('case 20: Atomic entries come back identical (A1) and with nulls (A2)', async () => {
    const a2 = {
      id: 'a2',
      url: '/v1/env-a/card-templates',
      status: 200,
      auth: { type: 'workbench', sub: 's-1', appClientId: 'app-1', accountId: 'acc-1' },
      method: 'GET',
      source: 'workbench-api',
      environmentId: 'env-a',
      resource: { type: 'card_template' },
      action: { type: 'read' },
      created: '2024-05-01T10:00:01.000Z',
    };
    expect((await ingest('atomic', [A1, a2])).body).toEqual({ ingested: 2, duplicates: 0 });
    const r = await request(app).get('/v1/env-a/audit-log').set('Authorization', auth['tok-wb']!);
    expect(r.status).toBe(200);
    const data = r.body.data as Record<string, unknown>[];
    expect(data.find((d) => d.id === 'a1')).toEqual(A1);
    expect(data.find((d) => d.id === 'a2')).toEqual({
      ...a2,
      ip: null,
      userAgent: null,
      query: null,
      payload: null,
      time: null,
      organisationId: 'acme',
      action: { type: 'read', description: null },
    });
  });

  it('case 21: typedefs are served with every member as ingested', async () => {
    const tag = {
      category: 'CLASSIFICATION',
      name: 'tagPII',
      displayName: 'PII',
      guid: 't-1',
      attributeDefs: [],
      superTypes: [],
      entityTypes: [],
      options: { color: 'Red' },
    };
    await ingest('atlan/typedefs', [tag]);
    const r = await request(app)
      .get('/api/meta/types/typedefs/?type=CLASSIFICATION&type=STRUCT')
      .set('Authorization', auth['tok-atlan']!);
    expect(r.status).toBe(200);
    expect(r.body.classificationDefs).toEqual([expect.objectContaining(tag)]);
  });

  it('case 10: a replayed Idempotency-Key answer carries Idempotent-Replayed', async () => {
    const first = await ingest('atlan', [L1]).set('Idempotency-Key', 'k-1');
    const again = await ingest('atlan', [L1]).set('Idempotency-Key', 'k-1');
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });
});

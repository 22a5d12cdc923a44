/**
 * Conformance cases 41–46 of spec/atlas-admin-audits.md §12: audit details (E2), entity history
 * (E3), the unification of Atlas purges with entity events, and row policies, through HTTP on a
 * real PostgreSQL over the §12.1 fixture.
 */
import type { Express } from 'express';
import request from 'supertest';
import { ingestBatch } from '@audit-gateway/store';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestApp } from '../../test-support/testApp';
import { createTestCredential } from '../../test-support/credentials';
import { ADMIN_ENTRIES, NOW, loadFixture, type Credentials } from './atlasFixture';
import { ALL, atlasClient, atlasError, e01A } from './atlasHttp';

const db = useTestDatabase();
let app: Express;
let C: Credentials;
beforeAll(async () => {
  C = await loadFixture(db());
  app = createTestApp(db(), { clock: () => NOW }).app;
});
const { get, ids } = atlasClient(
  () => app,
  () => C.C1,
);

const entry = (n: number) => `aaaaaaaa-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const details = (n: number | string, query = '') =>
  `/api/atlas/admin/audit/${typeof n === 'number' ? entry(n) : n}/details${query}`;
const history = (guid: string, query = '') => `/api/atlas/v2/entity/${guid}/audit${query}`;
const notFound = (guid: string) =>
  atlasError('ATLAS-404-00-005', `Given instance guid ${guid} is invalid/not found`);

/** The spec's event names, from (entityId, action, timestamp). */
function eventName(e: { entityId: string; action: string; timestamp: number }): string {
  const names: Record<string, string> = {
    'g1:ENTITY_CREATE:1575900000000': 'N1',
    'g1:CLASSIFICATION_ADD:1575950000000': 'N2',
    'g1:ENTITY_DELETE:1576261000000': 'N3',
    'g1:ENTITY_PURGE:1576261685197': 'D1',
    'g2:ENTITY_PURGE:1576261685197': 'D2',
    'g3:ENTITY_PURGE:1576261685197': 'D3',
    'g4:ENTITY_PURGE:1576028427165': 'D4',
    'g5:ENTITY_PURGE:1576100000300': 'D5',
    'g6:ENTITY_PURGE:1576200000100': 'D6',
    'g7:ENTITY_PURGE:1576150000000': 'D7',
  };
  return names[`${e.entityId}:${e.action}:${e.timestamp}`] ?? '?';
}
async function events(path: string, auth?: string): Promise<string[]> {
  const res = await get(path, auth);
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${res.text}`);
  return (res.body as { entityId: string; action: string; timestamp: number }[]).map(eventName);
}
const purged = (guid: string, typeName = 'Referenceable', attributes: object = {}) => ({
  typeName,
  guid,
  status: 'PURGED',
  attributes,
});

describe('E2: audit details', () => {
  it('case 41: headers of the purged entities', async () => {
    const a1 = await get(details(1));
    expect(a1.status).toBe(200);
    expect(a1.headers['content-type']).toMatch(/^application\/json/);
    expect(a1.body).toEqual([
      purged('g1', 'hive_table', { qualifiedName: 'db1.t1@cl1' }),
      purged('g2'),
      purged('g3'),
    ]);
    expect((await get(details(1, '?limit=1&offset=1'))).body).toEqual([purged('g2')]);
    expect((await get(details(1, '?offset=3'))).body).toEqual([]);
    expect((await get(details(1, '?limit=0'))).body).toHaveLength(3);
    expect((await get(details(5))).body).toEqual([purged('g7')]);
    expect((await get(details(6))).body).toEqual([]);
    expect((await get(details(9))).body).toEqual([]);
    const other = await get(details(99));
    expect(other.status).toBe(404);
    expect(other.body).toEqual(notFound(entry(99)));
    const nope = await get(details('nope'));
    expect(nope.status).toBe(404);
    expect(nope.body).toEqual(notFound('nope'));
    const bad = await get(details(1, '?limit=abc'));
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(e01A('limit=abc is not an integer'));
    const viewer = await get(details(1), C.C2);
    expect(viewer.status).toBe(403);
    expect(viewer.body).toEqual(
      atlasError('ATLAS-403-00-001', 'viewer is not authorized to perform audit details'),
    );
    const post = await request(app).post(details(1)).set('Authorization', C.C1);
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });
});

describe('E3: entity history', () => {
  it('case 42: default mode', async () => {
    const res = await get(history('g1'));
    expect(res.status).toBe(200);
    expect((res.body as never[]).map(eventName)).toEqual(['D1', 'N3', 'N2', 'N1']);
    const [d1, , n2] = res.body as Record<string, unknown>[];
    for (const e of res.body as object[]) expect(Object.keys(e).sort()).toHaveLength(13);
    expect(String(d1?.details)).toMatch(/^Purged: /);
    expect(JSON.parse(String(d1?.details).slice('Purged: '.length))).toEqual(d1?.detail);
    expect(d1?.detail).toEqual(purged('g1', 'hive_table', { qualifiedName: 'db1.t1@cl1' }));
    expect(String(n2?.details)).toMatch(/^Added classification: /);
    expect(d1).toMatchObject({ entity: null, type: null });
    expect(await events(history('g1', '?count=2'))).toEqual(['D1', 'N3']);
    expect(await events(history('g1', '?startKey=g1:1576000000000&count=10'))).toEqual([
      'N2',
      'N1',
    ]);
    expect(await events(history('g1', '?startKey=&count=100'))).toEqual(['D1', 'N3', 'N2', 'N1']);
    expect(await events(history('g1', '?auditAction=ENTITY_PURGE'))).toEqual(['D1']);
    const tag = await get(history('g1', '?auditAction=TAG_ADD'));
    expect(tag.status).toBe(400);
    expect(tag.body).toEqual(e01A('auditAction=TAG_ADD is not an entity audit action'));
    expect((await get(history('g1', '?auditAction=entity_purge'))).status).toBe(400);
  });

  it('case 43: sorted mode', async () => {
    expect(await events(history('g1', '?offset=0'))).toEqual(['N1', 'N2', 'N3', 'D1']);
    expect(
      await events(history('g1', '?offset=1&count=2&sortBy=timestamp&sortOrder=desc')),
    ).toEqual(['N3', 'N2']);
    expect(await events(history('g1', '?sortBy=user'))).toEqual(['N3', 'D1', 'N1', 'N2']);
    expect(await events(history('g1', '?sortBy=USER'))).toEqual(['N3', 'D1', 'N1', 'N2']);
    expect(await events(history('g1', '?sortBy=user&sortOrder=desc'))).toEqual([
      'N2',
      'N1',
      'D1',
      'N3',
    ]);
    expect(await events(history('g1', '?sortBy=action'))).toEqual(['N2', 'N1', 'N3', 'D1']);
    expect(await events(history('g1', '?offset=0&limit=1&sortOrder=DESCENDING'))).toEqual(['D1']);
    for (const q of ['?sortBy=created', '?sortOrder=down&offset=0', '?count=abc']) {
      const res = await get(history('g1', q));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ errorCode: 'ATLAS-400-00-01A' });
    }
  });

  it('case 44: existence and privilege', async () => {
    const g8 = await get(history('g8'));
    expect(g8.status).toBe(404);
    expect(g8.body).toEqual(notFound('g8'));
    expect((await get(history('zzz'))).status).toBe(404);
    expect((await get(history('g1%00'))).body).toEqual(notFound('g1\u0000'));
    expect((await get(details('%00'))).body).toEqual(notFound('\u0000'));
    const viewer = await get(history('g1'), C.C2);
    expect(viewer.status).toBe(403);
    expect(viewer.body).toEqual(
      atlasError(
        'ATLAS-403-00-001',
        'viewer is not authorized to perform read entity audit: guid=g1',
      ),
    );
    expect((await get(history('g2'), C.C4)).status).toBe(404);
    const head = await request(app).head(history('g1')).set('Authorization', C.C1);
    expect(head.status).toBe(200);
    expect(head.text ?? '').toBe('');
  });

  it('case 45: unification', async () => {
    const g2 = await get(history('g2'));
    const [only] = g2.body as { details: string }[];
    // jsonb keeps no key order: compare the prefix exactly and the payload parsed (§8.4)
    expect(only?.details.startsWith('Purged: ')).toBe(true);
    expect(JSON.parse(only?.details.slice('Purged: '.length) ?? '')).toEqual(purged('g2'));
    expect(g2.body).toEqual([
      {
        entityId: 'g2',
        timestamp: 1576261685197,
        user: 'admin',
        action: 'ENTITY_PURGE',
        details: expect.any(String) as unknown,
        eventKey: 'g2:1576261685197',
        entity: null,
        type: null,
        entityQualifiedName: null,
        typeName: 'Referenceable',
        created: 1576261685197,
        detail: purged('g2'),
        headers: null,
      },
    ]);
    const g7 = (await get(history('g7'))).body as { timestamp: number }[];
    expect(g7.map((e) => e.timestamp)).toEqual([1576150000000]);
    const again = await ingestBatch(db(), {
      tenant: 't1',
      batch: { kind: 'atlas', records: ADMIN_ENTRIES.slice(0, 1) },
    });
    expect(again).toEqual({
      kind: 'stored',
      counts: { ingested: 0, duplicates: 1 },
      derivedEvents: 0,
    });
    expect(await events(history('g2'))).toEqual(['D2']);
    const atlan = (query: object) =>
      request(app)
        .post('/api/meta/entity/auditSearch')
        .set('Authorization', C.C5)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ dsl: { size: 100, query } }));
    const purges = await atlan({ bool: { filter: [{ term: { action: 'ENTITY_PURGE' } }] } });
    expect(purges.status).toBe(200);
    const found = purges.body as {
      entityAudits: { entityId: string; action: string; timestamp: number }[];
    };
    expect(found.entityAudits.map(eventName).sort()).toEqual([
      'D1',
      'D2',
      'D3',
      'D4',
      'D5',
      'D6',
      'D7',
    ]);
    const g1Atlan = await atlan({ bool: { filter: [{ term: { entityId: 'g1' } }] } });
    const g1Events = (g1Atlan.body as { entityAudits: { entityDetail: unknown }[] }).entityAudits;
    expect(g1Events).toHaveLength(4);
    for (const e of g1Events) expect(e.entityDetail).toBeNull();
  });
});

describe('row policies', () => {
  it('case 46: policies per family, and existence through the policy', async () => {
    expect(await ids({}, { auth: C.C6 })).toEqual(ALL);
    const g1 = await get(history('g1'), C.C6);
    expect(g1.status).toBe(404);
    expect(g1.body).toEqual(notFound('g1'));
    const a1 = await get(details(1), C.C6);
    expect([a1.status, a1.body]).toEqual([200, []]);

    expect(await ids({}, { auth: C.C7 })).toEqual(['A6']);
    expect(await events(history('g1'), C.C7)).toEqual(['N2']);
    expect((await get(history('g2'), C.C7)).status).toBe(404);
    const own = await get(details(1), C.C7);
    expect(own.status).toBe(404);
    expect(own.body).toEqual(notFound(entry(1)));
    const a6 = await get(details(6), C.C7);
    expect([a6.status, a6.body]).toEqual([200, []]);
  });
});

describe('policies beyond the numbered cases', () => {
  it('the detail policy hides E2 headers and E3 details, never rows', async () => {
    const { authorization } = await createTestCredential(db(), {
      tenant: 't1',
      name: 'hive-details-only',
      roles: ['atlas:admin'],
      policy: { detail: { typeNames: ['hive_table'] } },
    });
    const a1 = await get(details(1), authorization);
    expect(a1.body).toEqual([purged('g1', 'hive_table', { qualifiedName: 'db1.t1@cl1' })]);
    const g2 = await get(history('g2'), authorization);
    expect(g2.body).toEqual([
      expect.objectContaining({ entityId: 'g2', detail: null, details: null }),
    ]);
    expect(await ids({}, { auth: authorization })).toEqual(ALL);
  });

  it('an entity known only from the state table exists when its state passes the allow rules', async () => {
    await db()('entities').insert({
      tenant: 't1',
      guid: 'g10',
      type_name: 'Table',
      qualified_name: 'db/x',
    });
    expect((await get(history('g10'))).body).toEqual([]);
    expect((await get(history('g10'), C.C6)).body).toEqual([]);
    expect((await get(history('g10'), C.C7)).status).toBe(404); // ownOnly needs a visible event
    const prefix = await createTestCredential(db(), {
      tenant: 't1',
      name: 'prefix-only',
      roles: ['atlas:admin'],
      policy: { allow: { qualifiedNamePrefixes: ['other/'] } },
    });
    expect((await get(history('g10'), prefix.authorization)).status).toBe(404);
    expect((await get(history('g10'), C.C4)).status).toBe(404); // another tenant's state
  });
});

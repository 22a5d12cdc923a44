import request from 'supertest';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { insertEvents } from '../../../store/test-support/insertEvents';
import { createTestCredential } from '../../test-support/credentials';
import { createTestApp } from '../../test-support/testApp';

// spec §3.3 / §5.6: `exists` on `detail` itself and a `nested` query need a detail object, and an
// empty object is one; `detail.*` needs a leaf, which `{}` does not have.
describe('an empty detail object', () => {
  const db = useTestDatabase();
  let authorization = '';
  const rows = { empty: 1, leafy: 2, none: 3 } as const;

  beforeAll(async () => {
    const base = {
      family: 'entity',
      tenant: 'acme',
      action: 'ENTITY_UPDATE',
      recordedAt: 1_700_000_000_000,
      occurredAt: 1_700_000_000_000,
    } as const;
    await insertEvents(db(), [
      { ...base, key: 'empty', entityId: 'e1', detail: {} },
      { ...base, key: 'leafy', entityId: 'e2', detail: { typeName: 'Table' } },
      { ...base, key: 'none', entityId: 'e3', detail: null },
    ]);
    ({ authorization } = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'reader',
      roles: ['atlan:read'],
    }));
  });

  async function ids(query: unknown, aggs?: unknown): Promise<{ ids: string[]; aggs: unknown }> {
    const { app } = createTestApp(db());
    const res = await request(app)
      .post('/api/meta/entity/auditSearch')
      .set('Authorization', authorization)
      .set('Content-Type', 'application/json')
      .send({ dsl: { query, ...(aggs ? { aggs } : {}), sort: [{ created: 'asc' }] } });
    expect(res.status).toBe(200);
    const entries = res.body.entityAudits as { entityId: string }[];
    return { ids: entries.map((e) => e.entityId).sort(), aggs: res.body.aggregations };
  }

  it('counts as an existing detail, for exists and for nested', async () => {
    expect(rows.empty).toBe(1);
    // outside nested context `detail` is unmapped (§2.5): it matches nothing
    expect((await ids({ exists: { field: 'detail' } })).ids).toEqual([]);
    expect(
      (await ids({ nested: { path: 'detail', query: { exists: { field: 'detail' } } } })).ids,
    ).toEqual(['e1', 'e2']);
    expect((await ids({ nested: { path: 'detail', query: { match_all: {} } } })).ids).toEqual([
      'e1',
      'e2',
    ]);
    const withoutDetail = {
      bool: { must_not: { nested: { path: 'detail', query: { match_all: {} } } } },
    };
    expect((await ids(withoutDetail)).ids).toEqual(['e3']);
    const nestedAgg = await ids({ match_all: {} }, { d: { nested: { path: 'detail' } } });
    expect(nestedAgg.aggs).toEqual({ d: { doc_count: 2 } });
  });

  it('has no leaf for detail.*', async () => {
    const r = await ids({ nested: { path: 'detail', query: { exists: { field: 'detail.*' } } } });
    expect(r.ids).toEqual(['e2']);
  });
});

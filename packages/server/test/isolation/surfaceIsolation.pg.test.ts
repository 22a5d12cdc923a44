/**
 * The isolation property through every surface's HTTP API: random tenant-A credentials (roles,
 * environments, allow and detail policies) read the two-tenant dataset through Atlan (hits, total
 * and a terms aggregation), Atlas E1 and Atomic, and see exactly the rows the model allows.
 */
import fc from 'fast-check';
import request from 'supertest';
import { all, type CanonicalRow, type Family, type Principal } from '@audit-gateway/ir';
import { createAuditRepository } from '@audit-gateway/store';
import { insertEvents } from '../../../store/test-support/insertEvents';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestCredential } from '../../test-support/credentials';
import { createTestApp } from '../../test-support/testApp';
import {
  FAMILIES,
  TENANT_A,
  allowedEnvironments,
  dataset,
  detailVisible,
  principalArb,
  visible,
} from './isolationModel';

const ROWS = 300;

describe('tenant and policy isolation through every surface', () => {
  const db = useTestDatabase();
  let app: ReturnType<typeof createTestApp>['app'];
  const byId = new Map<string, CanonicalRow>();
  let rows: Record<Family, CanonicalRow[]>;
  let nonEmpty = 0;

  beforeAll(async () => {
    await insertEvents(db(), dataset(ROWS));
    const repo = createAuditRepository(db());
    rows = { entity: [], admin: [], request: [] };
    for (const family of FAMILIES) {
      const page = await repo.run({
        family,
        scope: all(),
        detailScope: all(),
        where: all(),
        sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
        page: { offset: 0, limit: ROWS },
        total: 'none',
      });
      rows[family] = [...page.rows];
      for (const r of page.rows) byId.set(r.entityId ?? r.externalId ?? '', r);
    }
    app = createTestApp(db()).app;
  });

  /**
   * A real credential with the generated principal's name, roles, environments and policy, so
   * `ownOnly` meets the dataset's actors. Names are unique in a tenant, so the test deletes the row
   * when the run is over (the product never deletes credentials).
   */
  async function withCredential(
    who: Principal,
    run: (who: Principal, authorization: string) => Promise<void>,
  ): Promise<void> {
    const c = await createTestCredential(db(), {
      tenant: TENANT_A,
      name: who.name,
      roles: who.roles,
      environments: who.environments,
      policy: who.policy,
    });
    try {
      await run({ ...who, credentialId: c.id }, c.authorization);
    } finally {
      await db()('credentials').where({ id: c.id }).del();
    }
  }

  const expected = (who: Principal, family: Family, env?: string) => {
    const envs = allowedEnvironments(who, family, env);
    if (envs === undefined) throw new Error('the environment is not accessible');
    return rows[family].filter((r) => visible(who, family, envs, r));
  };

  it('Atlan: hits, totals and aggregations', async () => {
    nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(principalArb, (generated) =>
        withCredential({ ...generated, roles: ['atlan:read'] }, async (who, authorization) => {
          const res = await request(app)
            .post('/api/meta/entity/auditSearch')
            .set('Authorization', authorization)
            .send({
              dsl: {
                size: 1000,
                track_total_hits: true,
                aggs: { users: { terms: { field: 'user', size: 50 } } },
              },
            })
            .expect(200);
          type Entry = { entityId: string; detail: unknown };
          const body = res.body as {
            entityAudits: Entry[];
            totalCount: number;
            aggregations: { users: { buckets: { key: string; doc_count: number }[] } };
          };
          const want = expected(who, 'entity');
          expect(body.entityAudits.map((e) => e.entityId).sort()).toEqual(
            want.map((r) => r.entityId).sort(),
          );
          expect(body.totalCount).toBe(want.length);
          const counts: Record<string, number> = {};
          for (const r of want) if (r.actor !== null) counts[r.actor] = (counts[r.actor] ?? 0) + 1;
          const buckets = Object.fromEntries(
            body.aggregations.users.buckets.map((b) => [b.key, b.doc_count]),
          );
          expect(buckets).toEqual(counts);
          for (const e of body.entityAudits) {
            const row = byId.get(e.entityId);
            expect(row?.tenant).toBe(TENANT_A);
            if (row && !detailVisible(who, row)) expect(e.detail).toBeNull();
          }
          if (want.length > 0) nonEmpty++;
        }),
      ),
      { numRuns: 40 },
    );
    expect(nonEmpty).toBeGreaterThan(5);
  });

  it('Atlas admin audits', async () => {
    nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(principalArb, (generated) =>
        withCredential({ ...generated, roles: ['atlas:admin'] }, async (who, authorization) => {
          const res = await request(app)
            .post('/api/atlas/admin/audits')
            .set('Authorization', authorization)
            .send({ limit: 1000 })
            .expect(200);
          const guids = (res.body as { guid: string }[]).map((e) => e.guid).sort();
          const want = expected(who, 'admin').map((r) => r.externalId);
          expect(guids).toEqual(want.sort());
          if (guids.length > 0) nonEmpty++;
        }),
      ),
      { numRuns: 30 },
    );
    expect(nonEmpty).toBeGreaterThan(3);
  });

  it('Atomic audit-log, per environment', async () => {
    nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(
        principalArb,
        fc.constantFrom('env-a', 'env-b', 'env-c', '_gateway'),
        (generated, env) =>
          withCredential(
            { ...generated, roles: ['atomic:workbench'] },
            async (who, authorization) => {
              const res = await request(app)
                .get(`/v1/${env}/audit-log?limit=1000`)
                .set('Authorization', authorization);
              if (allowedEnvironments(who, 'request', env) === undefined) {
                expect([res.status, res.body.code]).toEqual([403, 'AQ430']);
                return;
              }
              expect(res.status).toBe(200);
              const ids = (res.body as { data: { id: string }[] }).data.map((e) => e.id).sort();
              const want = expected(who, 'request', env).map((r) => r.externalId);
              expect(ids).toEqual(want.sort());
              if (ids.length > 0) nonEmpty++;
            },
          ),
      ),
      { numRuns: 40 },
    );
    expect(nonEmpty).toBeGreaterThan(3);
  });
});

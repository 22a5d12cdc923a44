/**
 * The round-trip guarantee (spec/ingest.md §7) on generated data: for each family, records posted
 * to the ingest API come back from their own surface member for member (computed members aside).
 */
import request from 'supertest';
import type { Express } from 'express';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestApp } from '../../test-support/testApp';
import { createTestCredential } from '../../test-support/credentials';
import { generateAtlan } from '../../../../scripts/generate/generateAtlan';
import { generateAtlas } from '../../../../scripts/generate/generateAtlas';
import { generateAtomic } from '../../../../scripts/generate/generateAtomic';
import type { GenerateOptions } from '../../../../scripts/generate/GenerateOptions';
import { Rng } from '../../../../scripts/generate/Rng';

const db = useTestDatabase();
let app: Express;
const auth: Record<string, string> = {};
const options: GenerateOptions = {
  atlan: 300,
  atlas: 150,
  atomic: 300,
  seed: 99,
  days: 5,
  end: Date.UTC(2024, 5, 1),
  environments: ['env-a'],
  tenant: 'acme',
};

beforeAll(async () => {
  app = createTestApp(db()).app;
  for (const [key, kind, roles, environments] of [
    ['ing', 'token', ['ingest:write'], ['env-a']],
    ['atlan', 'token', ['atlan:read'], []],
    ['atlas', 'password', ['atlas:admin'], []],
    ['wb', 'token', ['atomic:workbench'], ['env-a']],
  ] as const) {
    const c = await createTestCredential(db(), {
      tenant: 'acme',
      name: `rt-${key}`,
      kind,
      roles: [...roles],
      environments: [...environments],
    });
    auth[key] = c.authorization;
  }
});

const post = (path: string, records: unknown[]) =>
  request(app)
    .post(`/api/v1/ingest/${path}`)
    .set('Authorization', auth.ing!)
    .set('Content-Type', 'application/x-ndjson')
    .send(records.map((r) => JSON.stringify(r)).join('\n'));

const key = (r: Record<string, unknown>, ...members: string[]) =>
  JSON.stringify(members.map((m) => r[m]));

describe('round trip of generated records (spec/ingest.md §7)', () => {
  it('Atlan records come back from auditSearch unchanged', async () => {
    const records = [...generateAtlan(options, new Rng(1))];
    expect((await post('atlan', records)).body).toEqual({ ingested: 300, duplicates: 0 });
    const r = await request(app)
      .post('/api/meta/entity/auditSearch')
      .set('Authorization', auth.atlan!)
      .set('Content-Type', 'application/json')
      .send({ dsl: { size: 1000, query: { match_all: {} } } });
    expect(r.status).toBe(200);
    const got = new Map(
      (r.body.entityAudits as Record<string, unknown>[]).map((e) => {
        const { entityDetail: _d, details, entity, type, ...rest } = e;
        expect([details, entity, type]).toEqual([null, null, null]);
        return [key(rest, 'entityId', 'timestamp', 'action'), rest];
      }),
    );
    for (const rec of records) {
      expect(got.get(key(rec, 'entityId', 'timestamp', 'action'))).toEqual(rec);
    }
  });

  it('Atlas entries come back from admin/audits unchanged', async () => {
    const entries = [...generateAtlas(options, new Rng(2))];
    expect((await post('atlas', entries)).body).toEqual({ ingested: 150, duplicates: 0 });
    const r = await request(app)
      .post('/api/atlas/admin/audits')
      .set('Authorization', auth.atlas!)
      .set('Content-Type', 'application/json')
      .send({ limit: 1000 });
    expect(r.status).toBe(200);
    const got = new Map((r.body as Record<string, unknown>[]).map((e) => [e.guid, e]));
    for (const e of entries) expect(got.get(e.guid)).toEqual({ resultCount: 0, ...e });
  });

  it('Atomic entries come back from audit-log unchanged', async () => {
    const entries = [...generateAtomic(options, new Rng(3))];
    expect((await post('atomic', entries)).body).toEqual({ ingested: 300, duplicates: 0 });
    const r = await request(app)
      .get('/v1/env-a/audit-log?limit=1000')
      .set('Authorization', auth.wb!);
    expect(r.status).toBe(200);
    const got = new Map((r.body.data as Record<string, unknown>[]).map((e) => [e.id, e]));
    for (const e of entries) expect(got.get(e.id)).toEqual(e);
  });
});

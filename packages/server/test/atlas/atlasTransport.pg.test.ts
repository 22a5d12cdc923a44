/**
 * Transport rules of spec/atlas-admin-audits.md §2 beyond the numbered cases: UTF-8, body limit,
 * GETs carrying a JSON Content-Type, HEAD, the request log's route names (§1, atomic §9.4) and the
 * OpenAPI entries.
 */
import type { Express } from 'express';
import request from 'supertest';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import type { MemoryRecorder } from '../../test-support/fakes';
import { createTestApp } from '../../test-support/testApp';
import { NOW, loadFixture, type Credentials } from './atlasFixture';
import { atlasClient, expectFrameworkError } from './atlasHttp';

const db = useTestDatabase();
let app: Express;
let recorded: MemoryRecorder | undefined;
let C: Credentials;
beforeAll(async () => {
  C = await loadFixture(db());
  ({ app, recorded } = createTestApp(db(), { clock: () => NOW, config: { bodyLimitBytes: 4096 } }));
});
const { post, get } = atlasClient(
  () => app,
  () => C.C1,
);

describe('Atlas transport', () => {
  it('invalid UTF-8 is a 400 {error}', async () => {
    const res = await request(app)
      .post('/api/atlas/admin/audits')
      .set('Authorization', C.C1)
      .set('Content-Type', 'application/json')
      .send(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]));
    expect(res.status).toBe(400);
    expectFrameworkError(res.body);
  });

  it('a body above the limit is a 413 {error}, after authentication', async () => {
    const big = JSON.stringify({ sortBy: 'x'.repeat(5000) });
    const res = await post(null, { raw: big });
    expect(res.status).toBe(413);
    expectFrameworkError(res.body);
    expect((await post(null, { raw: big, auth: '' })).status).toBe(401);
  });

  it('GETs with the Python client Content-Type and no body are served; HEAD has no body', async () => {
    const res = await request(app)
      .get('/api/atlas/v2/entity/g1/audit?count=1')
      .set('Authorization', C.C1)
      .set('Content-type', 'application/json');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    const details = await request(app)
      .get('/api/atlas/admin/audit/aaaaaaaa-0000-4000-8000-000000000002/details/')
      .set('Authorization', C.C1)
      .set('Content-Type', 'text/plain');
    expect(details.status).toBe(200);
    expect(details.body).toEqual([
      { typeName: 'Referenceable', guid: 'g4', status: 'PURGED', attributes: {} },
    ]);
    const head = await request(app)
      .head('/api/atlas/admin/audit/aaaaaaaa-0000-4000-8000-000000000001/details')
      .set('Authorization', C.C1);
    expect(head.status).toBe(200);
    expect(head.text ?? '').toBe('');
    expect((await get('/api/atlas/v2/entity/g1/audit/')).status).toBe(200);
  });

  it('query parameters are checked before the role (§2.5 step 4)', async () => {
    const res = await get('/api/atlas/v2/entity/g1/audit?count=abc', C.C2);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errorCode: 'ATLAS-400-00-01A' });
    expect((await get('/api/atlas/admin/audit/x/details?limit=x', C.C2)).status).toBe(400);
  });

  it('the E1 query string is ignored', async () => {
    const res = await post({}, { path: '/api/atlas/admin/audits?limit=1&sortBy=nope' });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(10);
  });

  it('requests are recorded with the route table names', async () => {
    await post({});
    await get('/api/atlas/v2/entity/g1/audit');
    await get('/api/atlas/admin/audit/nope/details');
    const facts = recorded?.facts ?? [];
    const of = (path: string) => facts.find((f) => f.path === path)?.record;
    expect(of('/api/atlas/admin/audits')).toEqual({
      source: 'atlas-api',
      resourceType: 'admin_audit',
      action: 'read',
      description: 'Search admin audit entries',
    });
    expect(of('/api/atlas/v2/entity/g1/audit')).toMatchObject({ resourceType: 'entity_audit' });
    expect(of('/api/atlas/admin/audit/nope/details')).toMatchObject({
      resourceType: 'admin_audit',
      description: 'List entity headers of an admin audit entry',
    });
  });

  it('the OpenAPI document lists the three endpoints', async () => {
    const res = await request(app).get('/docs/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys((res.body as { paths: object }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/atlas/admin/audits',
        '/api/atlas/admin/audit',
        '/api/atlas/admin/audit/{auditGuid}/details',
        '/api/atlas/v2/entity/{guid}/audit',
      ]),
    );
  });
});

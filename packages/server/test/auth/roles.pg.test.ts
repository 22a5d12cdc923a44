/**
 * Wrong role on every surface (each answers 403 in its own shape), and a credential limited to one
 * environment, through HTTP on the real route table.
 */
import request from 'supertest';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestCredential, type TestCredential } from '../../test-support/credentials';
import { createTestApp } from '../../test-support/testApp';

describe('roles and environments through HTTP', () => {
  const db = useTestDatabase();
  let app: ReturnType<typeof createTestApp>['app'];
  let atlanOnly: TestCredential;
  let ingestOnly: TestCredential;
  let wbA: TestCredential;
  let admin: TestCredential;

  beforeAll(async () => {
    atlanOnly = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'atlan-only',
      roles: ['atlan:read'],
    });
    ingestOnly = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'ingest-only',
      roles: ['ingest:write'],
    });
    wbA = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'wb-a',
      roles: ['atomic:workbench'],
      environments: ['env-a'],
    });
    admin = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'admin',
      roles: ['gateway:admin'],
    });
    app = createTestApp(db()).app;
  });

  it('Atlan answers a missing role with its own 403 body', async () => {
    const res = await request(app)
      .post('/api/meta/entity/auditSearch')
      .set('Authorization', ingestOnly.authorization)
      .send({ dsl: { size: 0 } });
    expect([res.status, res.body]).toEqual([
      403,
      {
        errorCode: 'ATLAS-403-00-001',
        errorMessage: 'ingest-only is not authorized to perform audit search',
      },
    ]);
  });

  it('Atlas answers a missing role with its own 403 body', async () => {
    const res = await request(app)
      .post('/api/atlas/admin/audits')
      .set('Authorization', atlanOnly.authorization)
      .send({});
    expect([res.status, res.body]).toEqual([
      403,
      {
        errorCode: 'ATLAS-403-00-001',
        errorMessage: 'atlan-only is not authorized to perform Admin Audits',
      },
    ]);
  });

  it.each([
    ['get', '/v1/env-a/audit-log'],
    ['post', '/api/v1/ingest/atlan'],
    ['get', '/api/v1/credentials'],
  ] as const)('%s %s answers a missing role with problem AQ403', async (method, path) => {
    let req = request(app)[method](path).set('Authorization', atlanOnly.authorization);
    if (method === 'post') req = req.set('Content-Type', 'application/json').send('[]');
    const res = await req;
    expect([res.status, res.body.code]).toEqual([403, 'AQ403']);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('gateway:admin passes every role check', async () => {
    await request(app)
      .post('/api/meta/entity/auditSearch')
      .set('Authorization', admin.authorization)
      .send({ dsl: { size: 0 } })
      .expect(200);
    await request(app)
      .post('/api/atlas/admin/audits')
      .set('Authorization', admin.authorization)
      .send({})
      .expect(200);
    await request(app)
      .get('/v1/env-z/audit-log')
      .set('Authorization', admin.authorization)
      .expect(200);
  });

  it('a credential limited to one environment reads only that one', async () => {
    await request(app)
      .get('/v1/env-a/audit-log')
      .set('Authorization', wbA.authorization)
      .expect(200);
    await request(app).get('/audit-log').set('Authorization', wbA.authorization).expect(200);
    const other = await request(app)
      .get('/v1/env-b/audit-log')
      .set('Authorization', wbA.authorization);
    expect([other.status, other.body.code]).toEqual([403, 'AQ430']);
    const malformed = await request(app)
      .get('/v1/env%2Fb/audit-log')
      .set('Authorization', wbA.authorization);
    expect([malformed.status, malformed.body.code]).toEqual([403, 'AQ430']);
  });
});

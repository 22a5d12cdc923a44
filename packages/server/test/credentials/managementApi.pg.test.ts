/** spec/credentials.md §3 through HTTP: conformance cases 8, 9, 10 and 12 (fixture C). */
import pino from 'pino';
import request from 'supertest';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { bootstrapCredentials } from '../../src/credentials/bootstrap';
import { listCredentials } from '../../src/credentials/credentialStore';
import { testConfig } from '../../src/config/loadConfig';
import { createTestApp } from '../../test-support/testApp';
import { createTestCredential, type TestCredential } from '../../test-support/credentials';

const B = 'boot-0123456789abcdef0123456789abcdef';
const BEARER_B = `Bearer ${B}`;
const VIEW_KEYS = [
  'id',
  'tenant',
  'name',
  'kind',
  'roles',
  'environments',
  'policy',
  'createdAt',
  'revokedAt',
  'lastUsedAt',
];
const PATH = '/api/v1/credentials';

describe('management API /api/v1/credentials', () => {
  const db = useTestDatabase();
  let app: ReturnType<typeof createTestApp>['app'];
  let reader: TestCredential;

  beforeAll(async () => {
    await bootstrapCredentials({
      db: db(),
      config: testConfig({ bootstrapToken: B }),
      log: pino({ level: 'silent' }),
    });
    reader = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'reader',
      roles: ['atlan:read'],
    });
    app = createTestApp(db()).app;
  });

  it('case 1: B lists exactly the bootstrap credential', async () => {
    const res = await request(app).get(PATH).set('Authorization', BEARER_B).expect(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({
      name: 'bootstrap',
      tenant: 'default',
      roles: ['gateway:admin'],
    });
    expect(Object.keys(res.body.data[0])).toEqual(VIEW_KEYS);
  });

  it('case 8: creation stays in the caller tenant', async () => {
    const ing = await request(app)
      .post(PATH)
      .set('Authorization', BEARER_B)
      .send({ name: 'ing', roles: ['ingest:write'], environments: ['demo'] })
      .expect(201);
    expect(ing.headers['cache-control']).toBe('no-store');
    expect(ing.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(ing.body).toMatchObject({
      tenant: 'default',
      kind: 'token',
      environments: ['demo'],
      revokedAt: null,
    });
    expect(Object.keys(ing.body)).toEqual([...VIEW_KEYS, 'token']);
    expect(ing.body.token).toMatch(/^agw_[A-Za-z0-9_-]{43}$/);

    const pw = await request(app)
      .post(PATH)
      .set('Authorization', BEARER_B)
      .send({ name: 'pw', kind: 'password', roles: ['atlas:admin'] })
      .expect(201);
    expect(Object.keys(pw.body)).toEqual([...VIEW_KEYS, 'password']);
    expect(pw.body.password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const x = await request(app)
      .post(PATH)
      .set('Authorization', BEARER_B)
      .send({ name: 'x', roles: ['atlan:read'], tenant: 'acme' })
      .expect(403);
    expect(x.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(x.body).toMatchObject({
      code: 'AQ431',
      type: 'urn:audit-gateway:problem:AQ431',
      status: 403,
    });
    expect((await listCredentials(db())).map((r) => r.name)).not.toContain('x');

    // the new token works at once
    const list = await request(app).get(PATH).set('Authorization', `Bearer ${ing.body.token}`);
    expect(list.status).toBe(403); // ingest:write is not gateway:admin
    expect(list.body.code).toBe('AQ403');
  });

  it('case 9: list and revoke stay in the caller tenant', async () => {
    const res = await request(app).get(PATH).set('Authorization', BEARER_B).expect(200);
    expect(res.body.data.map((v: { name: string }) => v.name)).toEqual(['bootstrap', 'ing', 'pw']);
    const other = await request(app)
      .delete(`${PATH}/${reader.id}`)
      .set('Authorization', BEARER_B)
      .expect(404);
    expect(other.body.code).toBe('AQ161');
    expect((await listCredentials(db(), 'acme'))[0]?.revoked_at).toBeNull();
    const bad = await request(app)
      .delete(`${PATH}/not-a-uuid`)
      .set('Authorization', BEARER_B)
      .expect(404);
    expect(bad.body.code).toBe('AQ161');
  });

  it('case 10: errors, in check order', async () => {
    const none = await request(app).get(PATH).expect(401);
    expect(none.body.code).toBe('AQ401');
    expect(none.headers['www-authenticate']).toBe('Bearer realm="audit-gateway"');
    const nope = await request(app).get(PATH).set('Authorization', 'Bearer nope').expect(401);
    expect(nope.headers['www-authenticate']).toBe(
      'Bearer realm="audit-gateway", error="invalid_token"',
    );

    const put = await request(app).put(PATH).set('Authorization', BEARER_B).expect(405);
    expect(put.body.code).toBe('AQ405');
    expect(put.headers.allow).toBe('GET, HEAD, POST');

    const text = await request(app)
      .post(PATH)
      .set('Authorization', BEARER_B)
      .set('Content-Type', 'text/plain')
      .send('{}')
      .expect(415);
    expect(text.body.code).toBe('AQ415');
    const broken = await request(app)
      .post(PATH)
      .set('Authorization', BEARER_B)
      .set('Content-Type', 'application/json')
      .send('[')
      .expect(400);
    expect(broken.body.code).toBe('AQ150');
    const array = await request(app)
      .post(PATH)
      .set('Authorization', BEARER_B)
      .send([1])
      .expect(400);
    expect(array.body.code).toBe('AQ150');

    const role = await request(app)
      .get(PATH)
      .set('Authorization', reader.authorization)
      .expect(403);
    expect(role.body.code).toBe('AQ403');

    const query = await request(app)
      .get(`${PATH}?tenant=acme`)
      .set('Authorization', BEARER_B)
      .expect(400);
    expect(query.body.code).toBe('AQ140');

    const invalid = await request(app)
      .post(PATH)
      .set('Authorization', BEARER_B)
      .send({ roles: ['nope'], password: 'x' })
      .expect(400);
    expect(invalid.body.code).toBe('AQ100');
    expect(invalid.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/name',
      '/password',
      '/roles/0',
    ]);

    const taken = await request(app)
      .post(PATH)
      .set('Authorization', BEARER_B)
      .send({ name: 'bootstrap', roles: ['atlan:read'] })
      .expect(409);
    expect(taken.body.code).toBe('AQ160');
  });

  it('case 12: a restricted admin cannot manage credentials', async () => {
    const tables = await createTestCredential(db(), {
      tenant: 'default',
      name: 'tables',
      roles: ['gateway:admin'],
      policy: { allow: { typeNames: ['Table'] } },
    });
    const list = await request(app)
      .get(PATH)
      .set('Authorization', tables.authorization)
      .expect(403);
    expect(list.body.code).toBe('AQ432');
    const post = await request(app)
      .post(PATH)
      .set('Authorization', tables.authorization)
      .send({ name: 'sneaky', roles: ['atlan:read'] })
      .expect(403);
    expect(post.body.code).toBe('AQ432');
    expect((await listCredentials(db())).map((r) => r.name)).not.toContain('sneaky');
  });

  it('a _system admin is refused with AQ431; managing _system is for the CLI', async () => {
    const sys = await createTestCredential(db(), {
      tenant: '_system',
      name: 'ops',
      roles: ['gateway:admin'],
    });
    const res = await request(app).get(PATH).set('Authorization', sys.authorization).expect(403);
    expect(res.body.code).toBe('AQ431');
  });

  it('revokes in the caller tenant, keeps the first revokedAt, and the token stops working', async () => {
    const created = await request(app)
      .post(PATH)
      .set('Authorization', BEARER_B)
      .send({ name: 'short-lived', roles: ['gateway:admin'] })
      .expect(201);
    const own = `Bearer ${created.body.token}`;
    await request(app).get(`${PATH}/`).set('Authorization', own).expect(200);
    const first = await request(app)
      .delete(`${PATH}/${created.body.id}/`)
      .set('Authorization', own)
      .expect(200);
    expect(first.body.revokedAt).toMatch(/Z$/);
    expect(Object.keys(first.body)).toEqual(VIEW_KEYS);
    await request(app).get(PATH).set('Authorization', own).expect(401);
    const again = await request(app)
      .delete(`${PATH}/${created.body.id}`)
      .set('Authorization', BEARER_B)
      .expect(200);
    expect(again.body.revokedAt).toBe(first.body.revokedAt);
    const del = await request(app)
      .post(`${PATH}/${created.body.id}`)
      .set('Authorization', BEARER_B)
      .expect(405);
    expect(del.headers.allow).toBe('DELETE');
  });

  it('validates every member and reports all problems sorted by pointer', async () => {
    const res = await request(app)
      .post(PATH)
      .set('Authorization', BEARER_B)
      .send({
        name: 'a:b',
        kind: 'secret',
        roles: ['atlan:read', 'atlan:read', 'x'],
        environments: ['env-a', '_secret', 'env-a'],
        policy: { allow: { environments: ['env-a'], typeNames: [''] }, other: {} },
      })
      .expect(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/environments/1',
      '/environments/2',
      '/kind',
      '/name',
      '/policy/allow/environments',
      '/policy/allow/typeNames/0',
      '/policy/other',
      '/roles/1',
      '/roles/2',
    ]);
    const nulls = await request(app)
      .post(PATH)
      .set('Authorization', BEARER_B)
      .send({
        name: 'nulls',
        roles: ['atlas:admin', 'atlan:read'],
        kind: null,
        environments: null,
        policy: null,
        tenant: null,
      })
      .expect(201);
    expect(nulls.body).toMatchObject({
      kind: 'token',
      roles: ['atlan:read', 'atlas:admin'],
      environments: [],
      policy: {},
    });
  });
});

/**
 * spec/credentials.md §9 fixture C through HTTP, in order: cases 3, 4, 8, 11, 13–18 (the CLI and
 * management parts of the other cases are in test/credentials). "CLI" steps call the same
 * functions the CLI does (createCredential / revokeCredential).
 */
import pino from 'pino';
import request from 'supertest';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { bootstrapCredentials } from '../../src/credentials/bootstrap';
import { revokeCredential } from '../../src/credentials/credentialStore';
import { testConfig } from '../../src/config/loadConfig';
import { createTestCredential, type TestCredential } from '../../test-support/credentials';
import { createFixtureApp, type FixtureApp } from './fixtureApp';

const B = 'boot-0123456789abcdef0123456789abcdef';
const T0 = 1714557600000;
const ATLAN = '/api/meta/entity/auditSearch';
const E1 = '/api/atlas/admin/audits';
const BOTH = 'Basic realm="audit-gateway", Bearer realm="audit-gateway"';
const basic = (name: string, password: string) =>
  `Basic ${Buffer.from(`${name}:${password}`, 'utf8').toString('base64')}`;

describe('fixture C (spec/credentials.md §9)', () => {
  const db = useTestDatabase();
  let first: FixtureApp;
  const secrets: string[] = [B];
  const basics: string[] = [];
  let reader: TestCredential;
  let atlasAdmin: TestCredential;
  let ing: { id: string; token: string };
  let pw: { password: string };
  let bootstrapId: string;

  beforeAll(async () => {
    await bootstrapCredentials({
      db: db(),
      config: testConfig({ bootstrapToken: B }),
      log: pino({ level: 'silent' }),
    });
    first = createFixtureApp(db());
    const row: unknown = await db()('credentials').where({ name: 'bootstrap' }).first('id');
    bootstrapId = (row as { id: string }).id;
  });
  afterAll(async () => {
    await first.deps.recorder.close();
  });

  it('case 3: a CLI token reads Atlan', async () => {
    reader = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'reader',
      roles: ['atlan:read'],
    });
    secrets.push(reader.secret);
    await request(first.app)
      .post(ATLAN)
      .set('Authorization', reader.authorization)
      .send({ dsl: { size: 0 } })
      .expect(200);
  });

  it('case 4: Basic on Atlas; a wrong password is 401 {"error"} with the Basic challenge', async () => {
    atlasAdmin = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'atlas-admin',
      kind: 'password',
      roles: ['atlas:admin'],
    });
    secrets.push(atlasAdmin.secret);
    basics.push(atlasAdmin.authorization.slice('Basic '.length));
    const ok = await request(first.app)
      .post(E1)
      .set('Authorization', atlasAdmin.authorization)
      .send({});
    expect(ok.status).toBe(200);
    const wrong = await request(first.app)
      .post(E1)
      .set('Authorization', basic('atlas-admin', 'wrong'))
      .send({});
    expect(wrong.status).toBe(401);
    expect(Object.keys(wrong.body)).toEqual(['error']);
    expect(wrong.headers['www-authenticate']).toBe(BOTH);
    const p2 = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'p2',
      kind: 'password',
      roles: ['atlas:admin'],
      secret: 'correct horse battery',
    });
    basics.push(p2.authorization.slice('Basic '.length));
    await request(first.app).post(E1).set('Authorization', p2.authorization).send({}).expect(200);
  });

  it('case 8 and the fixture: B creates credentials and ingests R1, R2 and A1', async () => {
    const made = await request(first.app)
      .post('/api/v1/credentials')
      .set('Authorization', `Bearer ${B}`)
      .send({ name: 'ing', roles: ['ingest:write'], environments: ['demo'] })
      .expect(201);
    ing = { id: made.body.id as string, token: made.body.token as string };
    const pwRes = await request(first.app)
      .post('/api/v1/credentials')
      .set('Authorization', `Bearer ${B}`)
      .send({ name: 'pw', kind: 'password', roles: ['atlas:admin'] })
      .expect(201);
    pw = { password: pwRes.body.password as string };
    secrets.push(ing.token, pw.password);
    basics.push(Buffer.from(`pw:${pw.password}`).toString('base64'));
    await request(first.app)
      .post('/api/v1/credentials')
      .set('Authorization', `Bearer ${B}`)
      .send({ name: 'x', roles: ['atlan:read'], tenant: 'acme' })
      .expect(403);

    const r1 = {
      entityId: 'g1',
      action: 'ENTITY_CREATE',
      typeName: 'Table',
      entityQualifiedName: 'db/t1',
      user: 'alice',
      timestamp: T0,
      created: T0 + 1,
      detail: { typeName: 'Table', guid: 'g1', attributes: { qualifiedName: 'db/t1', name: 't1' } },
    };
    const r2 = {
      entityId: 'g2',
      action: 'ENTITY_CREATE',
      typeName: 'Column',
      entityQualifiedName: 'db/t1/c1',
      user: 'bob',
      timestamp: T0 + 10,
      created: T0 + 11,
      detail: {
        typeName: 'Column',
        guid: 'g2',
        attributes: { qualifiedName: 'db/t1/c1', name: 'c1' },
      },
    };
    const a1 = {
      guid: '0f0e0d0c-0b0a-4908-8706-050403020100',
      userName: 'bob',
      operation: 'EXPORT',
      startTime: T0,
    };
    await request(first.app)
      .post('/api/v1/ingest/atlan')
      .set('Authorization', `Bearer ${B}`)
      .send([r1, r2])
      .expect(200);
    await request(first.app)
      .post('/api/v1/ingest/atlas')
      .set('Authorization', `Bearer ${B}`)
      .send([a1])
      .expect(200);
  });

  it('case 11: each rule constrains its families', async () => {
    const alice = await createTestCredential(db(), {
      tenant: 'default',
      name: 'alice',
      roles: ['atlan:read', 'atlas:admin'],
      environments: ['env-x'],
      policy: { allow: { ownOnly: true } },
    });
    const tables = await createTestCredential(db(), {
      tenant: 'default',
      name: 'tables',
      roles: ['gateway:admin'],
      policy: { allow: { typeNames: ['Table'] } },
    });
    const nodetail = await createTestCredential(db(), {
      tenant: 'default',
      name: 'nodetail',
      roles: ['atlan:read'],
      policy: { detail: { qualifiedNamePrefixes: ['db/t1/'] } },
    });
    secrets.push(alice.secret, tables.secret, nodetail.secret);
    type Entry = { entityId: string; detail: unknown; entityDetail: unknown };
    const atlan = async (c: TestCredential) => {
      const res = await request(first.app)
        .post(ATLAN)
        .set('Authorization', c.authorization)
        .send({ dsl: { size: 10 } })
        .expect(200);
      return res.body as { entityAudits: Entry[]; totalCount: number };
    };
    const aliceAtlan = await atlan(alice);
    expect(aliceAtlan.entityAudits.map((e) => e.entityId)).toEqual(['g1']);
    expect(aliceAtlan.totalCount).toBe(1);
    const aliceAtlas = await request(first.app)
      .post(E1)
      .set('Authorization', alice.authorization)
      .send({})
      .expect(200);
    expect(aliceAtlas.body).toEqual([]);

    expect((await atlan(tables)).entityAudits.map((e) => e.entityId)).toEqual(['g1']);
    const tablesAtlas = await request(first.app)
      .post(E1)
      .set('Authorization', tables.authorization)
      .send({})
      .expect(200);
    expect((tablesAtlas.body as { guid: string }[]).map((e) => e.guid)).toEqual([
      '0f0e0d0c-0b0a-4908-8706-050403020100',
    ]);

    const both = (await atlan(nodetail)).entityAudits;
    expect(both.map((e) => e.entityId).sort()).toEqual(['g1', 'g2']);
    const g1 = both.find((e) => e.entityId === 'g1');
    const g2 = both.find((e) => e.entityId === 'g2');
    expect([g1?.detail, g1?.entityDetail]).toEqual([null, null]);
    expect(g2?.detail).not.toBeNull();
    expect(g2?.entityDetail).not.toBeNull();
  });

  it('case 13: revocation is immediate', async () => {
    const wb = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'wb',
      roles: ['atomic:workbench'],
      environments: ['env-a'],
    });
    secrets.push(wb.secret);
    await request(first.app)
      .get('/v1/env-a/audit-log')
      .set('Authorization', wb.authorization)
      .expect(200);
    await revokeCredential(db(), wb.id, Date.now());
    const res = await request(first.app)
      .get('/v1/env-a/audit-log')
      .set('Authorization', wb.authorization)
      .expect(401);
    expect(res.body.code).toBe('AQ401');
    expect(res.headers['www-authenticate']).toBe(
      'Bearer realm="audit-gateway", error="invalid_token"',
    );
  });

  it('case 14: the Basic cache never outlives a revocation; unknown names look alike', async () => {
    await request(first.app)
      .post(E1)
      .set('Authorization', atlasAdmin.authorization)
      .send({})
      .expect(200);
    await request(first.app)
      .post(E1)
      .set('Authorization', atlasAdmin.authorization)
      .send({})
      .expect(200);
    await revokeCredential(db(), atlasAdmin.id, Date.now());
    await request(first.app)
      .post(E1)
      .set('Authorization', atlasAdmin.authorization)
      .send({})
      .expect(401);
    const nobody = await request(first.app)
      .post(E1)
      .set('Authorization', basic('nobody', 'x'))
      .send({});
    const wrongP2 = await request(first.app)
      .post(E1)
      .set('Authorization', basic('p2', 'x'))
      .send({});
    expect([nobody.status, nobody.headers['www-authenticate'], nobody.body]).toEqual([
      wrongP2.status,
      wrongP2.headers['www-authenticate'],
      wrongP2.body,
    ]);
    expect(nobody.status).toBe(401);
  });

  it('case 15: 401 per surface, one realm', async () => {
    const atlan = await request(first.app).post(ATLAN).send({});
    expect([atlan.status, atlan.body, atlan.headers['www-authenticate']]).toEqual([
      401,
      { errorCode: 'ATLAS-401-00-001', errorMessage: 'Authentication required' },
      'Bearer realm="audit-gateway"',
    ]);
    const atlas = await request(first.app).post(E1).send({});
    expect([atlas.status, Object.keys(atlas.body), atlas.headers['www-authenticate']]).toEqual([
      401,
      ['error'],
      BOTH,
    ]);
    for (const [method, path] of [
      ['get', '/v1/env-a/audit-log'],
      ['post', '/api/v1/ingest/atlan'],
    ] as const) {
      const res = await request(first.app)[method](path);
      expect([res.status, res.body.code, res.headers['www-authenticate']]).toEqual([
        401,
        'AQ401',
        'Bearer realm="audit-gateway"',
      ]);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const basicOnAtomic = await request(first.app)
      .get('/v1/env-a/audit-log')
      .set('Authorization', basic('p2', 'correct horse battery'));
    expect(basicOnAtomic.status).toBe(401);
  });

  it('case 16: per credential, on a second server with AUDIT_GATEWAY_RATE_LIMIT=3', async () => {
    const second = createFixtureApp(db(), { rateLimitPerMinute: 3 });
    try {
      const remaining: string[] = [];
      for (let i = 0; i < 3; i++) {
        const ok = await request(second.app)
          .post(ATLAN)
          .set('Authorization', reader.authorization)
          .send({ dsl: { size: 0 } });
        expect([ok.status, ok.headers['ratelimit-limit']]).toEqual([200, '3']);
        remaining.push(ok.headers['ratelimit-remaining'] as string);
      }
      expect(remaining).toEqual(['2', '1', '0']);
      const limited = await request(second.app)
        .post(ATLAN)
        .set('Authorization', reader.authorization)
        .send({ dsl: { size: 0 } });
      expect(limited.status).toBe(429);
      const n = Number(limited.headers['retry-after']);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(60);
      expect(limited.body).toEqual({ error: `Too many requests; retry after ${n} seconds` });
      expect(limited.headers['ratelimit-remaining']).toBe('0');
      await request(second.app)
        .get('/api/v1/credentials')
        .set('Authorization', `Bearer ${B}`)
        .expect(200);
      const codes: number[] = [];
      let last: request.Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await request(second.app)
          .post('/api/v1/ingest/atlan')
          .set('Authorization', `Bearer ${ing.token}`)
          .send([]);
        codes.push(last.status);
      }
      expect(codes).toEqual([200, 200, 200, 429]);
      expect(last?.body.code).toBe('AQ429');
      expect(last?.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await second.deps.recorder.close();
    }
  });

  it('case 17: password guessing', async () => {
    for (let i = 0; i < 60; i++) {
      const res = await request(first.app)
        .post(E1)
        .set('Authorization', basic('pw', 'wrong'))
        .send({});
      expect(res.status).toBe(401);
    }
    const limited = await request(first.app)
      .post(E1)
      .set('Authorization', basic('pw', 'wrong'))
      .send({});
    expect(limited.status).toBe(429);
    expect(Object.keys(limited.body)).toEqual(['error']);
    expect(limited.headers['retry-after']).toMatch(/^[0-9]+$/);
    const right = await request(first.app)
      .post(E1)
      .set('Authorization', basic('pw', pw.password))
      .send({});
    expect(right.status).toBe(429);
    const other = await request(first.app)
      .post(E1)
      .set('Authorization', basic('other', 'wrong'))
      .send({});
    expect(other.status).toBe(401);
    await request(first.app)
      .post(ATLAN)
      .set('Authorization', reader.authorization)
      .send({ dsl: { size: 0 } })
      .expect(200);
  });

  it('case 18: no secret is stored or logged; the credential POSTs are recorded', async () => {
    await first.deps.recorder.flush();
    const tables = await db().raw<{ rows: { tablename: string }[] }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
    );
    let dump = '';
    for (const { tablename } of tables.rows) {
      const rows = await db().raw<{ rows: { j: string }[] }>(
        'SELECT row_to_json(t)::text AS j FROM ?? t',
        [tablename],
      );
      dump += rows.rows.map((r) => r.j).join('\n');
    }
    const logs = first.logLines.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const s of [...secrets, ...basics]) {
      expect(dump).not.toContain(s);
      expect(logs).not.toContain(s);
    }

    const res = await request(first.app)
      .get('/v1/_gateway/audit-log?source=gateway-api&resourceType=credential&actionType=create')
      .set('Authorization', `Bearer ${B}`)
      .expect(200);
    type Entry = { auth: { clientId: string }; status: number; payload: unknown; method: string };
    const entries = (res.body as { data: Entry[] }).data;
    const posts = entries.filter((e) => e.auth.clientId === bootstrapId);
    expect(posts.map((e) => e.status).sort()).toEqual([201, 201, 403]);
    const recorded = JSON.stringify(entries);
    for (const s of secrets) expect(recorded).not.toContain(s);
  });
});

/**
 * Self-recording, spec/atomic-audit-log.md §11.2 cases 28-33, through the real recorder: every
 * request lands in `_gateway` of its tenant (`_system` when unauthenticated), redacted and capped,
 * and never in the customer environment that was read. Each check waits 500 ms after the recorded
 * request, as the spec says, so the recorder's own timer does the write.
 */
import pino from 'pino';
import request from 'supertest';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { testConfig } from '../../src/config/loadConfig';
import { createRecorder, type SelfRecorder } from '../../src/recorder/createRecorder';
import { createTestApp, type TestApp } from '../../test-support/testApp';
import { W, createFixtureF, entry, type FixtureF } from './fixtureF';

type Entry = Record<string, unknown> & { auth: Record<string, unknown> | null };
interface Page {
  data: Entry[];
  cursor: string | null;
}
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const settle = () => new Promise((r) => setTimeout(r, 500));

describe('self-recording: cases 28-33', () => {
  const db = useTestDatabase();
  let t: TestApp;
  let f: FixtureF;
  let recorder: SelfRecorder;

  beforeAll(async () => {
    f = await createFixtureF(db());
    recorder = createRecorder({
      db: db(),
      log: pino({ level: 'silent' }),
      clock: Date.now,
      config: testConfig(),
    });
    t = createTestApp(db(), { recorder });
  });
  afterAll(async () => {
    await recorder.close();
  });

  const auth = (token: string) => f.auth[token] ?? '';
  async function read(path: string, token: string): Promise<Page> {
    const res = await request(t.app).get(path).set('Authorization', auth(token));
    expect([path, res.status]).toEqual([path, 200]);
    return res.body as Page;
  }

  it('case 28: Atomic reads are recorded in _gateway, never in the environment read', async () => {
    const sent = Date.now();
    const res = await request(t.app)
      .get(`/v1/env-a/audit-log?authType=workbench&limit=2&${W}`)
      .set('Authorization', auth('tok-wb'));
    const received = Date.now();
    expect(res.status).toBe(200);
    await settle();
    const p = await read('/v1/_gateway/audit-log?source=atomic-api&limit=1', 'tok-wb');
    const e = p.data[0] as Entry;
    expect(e).toMatchObject({
      url: '/v1/env-a/audit-log',
      method: 'GET',
      status: 200,
      auth: { type: 'clientCredentials', clientId: f.ids['tok-wb'], scheme: 'bearer' },
      query: { authType: 'workbench', limit: '2', to: '2024-06-01T00:00:00Z' },
      payload: null,
      source: 'atomic-api',
      organisationId: 'acme',
      environmentId: '_gateway',
      resource: { type: 'audit_log' },
      action: { type: 'read', description: 'List audit log entries' },
    });
    expect(e.auth).toEqual({
      type: 'clientCredentials',
      clientId: f.ids['tok-wb'],
      scheme: 'bearer',
    });
    expect(e.time).toBeGreaterThan(0);
    const created = Date.parse(e.created as string);
    expect(created).toBeGreaterThanOrEqual(sent);
    expect(created).toBeLessThanOrEqual(received);
    expect(e.id).toMatch(UUID_V7);
    const envA = await read('/v1/env-a/audit-log', 'tok-wb');
    expect([envA.data.map((x) => x.id), envA.cursor]).toEqual([
      ['a8', 'a7', 'a6', 'a5', 'a4', 'a3', 'a2', 'a1'],
      null,
    ]);
  });

  it('case 29: Atlan surface, alias path', async () => {
    const res = await request(t.app)
      .post('/api/atlas/v2/entity/auditSearch')
      .set('Authorization', auth('tok-atlan'))
      .send({ dsl: { size: 1 } });
    expect(res.status).toBe(200);
    await settle();
    const e = (await read('/v1/_gateway/audit-log?source=atlan-api&limit=1', 'tok-wb'))
      .data[0] as Entry;
    expect(e).toMatchObject({
      url: '/api/atlas/v2/entity/auditSearch',
      payload: '{"dsl":{"size":1}}',
      resource: { type: 'entity_audit' },
      action: { type: 'read', description: 'Search entity audit events' },
      auth: { clientId: f.ids['tok-atlan'] },
      environmentId: '_gateway',
    });
  });

  it('case 30: Atlas surface with Basic; no secret stored', async () => {
    const res = await request(t.app)
      .post('/api/atlas/admin/audits')
      .set('Authorization', auth('basic-atlas'))
      .send({ auditFilters: null, limit: 1 });
    expect(res.status).toBe(200);
    await settle();
    const e = (await read('/v1/_gateway/audit-log?source=atlas-api&limit=1', 'tok-wb'))
      .data[0] as Entry;
    expect(e.auth).toEqual({
      type: 'clientCredentials',
      clientId: f.ids['basic-atlas'],
      scheme: 'basic',
    });
    const raw = await db().raw<{ rows: { doc: string }[] }>(
      `SELECT row_to_json(e)::text AS doc FROM audit_events e WHERE external_id = ?`,
      [String(e.id)],
    );
    const doc = raw.rows[0]?.doc ?? '';
    expect(doc).toContain('/api/atlas/admin/audits');
    expect(doc).not.toContain('YXRsYXMtYWRtaW46czNjcmV0LXB3');
    expect(doc).not.toContain('s3cret-pw');
  });

  it('case 31: redaction and failed requests', async () => {
    const res = await request(t.app)
      .post('/api/meta/entity/auditSearch?access_token=abc')
      .set('Authorization', auth('tok-atlan'))
      .send({ dsl: {}, password: 'hunter2', nested: { clientSecret: 'x', ok: 1 } });
    expect(res.status).toBe(400);
    await settle();
    const e = (await read('/v1/_gateway/audit-log?source=atlan-api&status=400&limit=1', 'tok-wb'))
      .data[0] as Entry;
    expect(e.status).toBe(400);
    expect(e.query).toEqual({ access_token: '[REDACTED]' });
    expect(JSON.parse(e.payload as string)).toEqual({
      dsl: {},
      password: '[REDACTED]',
      nested: { clientSecret: '[REDACTED]', ok: 1 },
    });
  });

  it('case 32: ingest surface and the payload cap', async () => {
    const records: Record<string, unknown>[] = [];
    let i = 0;
    const body = () => JSON.stringify(records);
    while (Buffer.byteLength(body()) < 204_800 - 600) {
      records.push({
        ...entry(`cap-${i++}`, { created: Date.parse('2024-05-03T00:00:00.000Z') }),
        created: '2024-05-03T00:00:00.000Z',
      });
    }
    // pad the last record's url so the body is exactly 204,800 bytes
    const last = records[records.length - 1] as { url: string };
    last.url += 'x'.repeat(204_800 - Buffer.byteLength(body()));
    expect(Buffer.byteLength(body())).toBe(204_800);
    const res = await request(t.app)
      .post('/api/v1/ingest/atomic')
      .set('Authorization', auth('tok-ing'))
      .set('Content-Type', 'application/json')
      .send(body());
    expect(res.status).toBe(200);
    await settle();
    const e = (await read('/v1/_gateway/audit-log?source=ingest-api&limit=1', 'tok-wb'))
      .data[0] as Entry;
    expect(e).toMatchObject({
      source: 'ingest-api',
      resource: { type: 'audit_log' },
      action: { type: 'create' },
    });
    const payload = e.payload as string;
    expect(Buffer.byteLength(payload, 'utf8')).toBeLessThanOrEqual(65_536);
    expect(payload.endsWith('...[truncated; request body was 204800 bytes]')).toBe(true);
  });

  it('case 33: unauthenticated requests go to _system', async () => {
    expect((await request(t.app).get('/v1/env-a/audit-log')).status).toBe(401);
    await settle();
    expect(
      (await read('/v1/_gateway/audit-log?source=atomic-api&status=401', 'tok-wb')).data,
    ).toEqual([]);
    expect((await read('/v1/env-a/audit-log?source=atomic-api&status=401', 'tok-wb')).data).toEqual(
      [],
    );
    const sys = (await read('/v1/_gateway/audit-log?status=401&source=atomic-api', 'tok-sys'))
      .data[0] as Entry;
    expect(sys).toMatchObject({
      url: '/v1/env-a/audit-log',
      auth: null,
      organisationId: '_system',
    });

    expect((await request(t.app).get('/no-such-path')).status).toBe(404);
    await settle();
    const nf = (
      await read(
        '/v1/_gateway/audit-log?source=gateway-api&resourceType=unknown&limit=1',
        'tok-sys',
      )
    ).data[0] as Entry;
    expect(nf).toMatchObject({
      url: '/no-such-path',
      status: 404,
      resource: { type: 'unknown' },
      auth: null,
    });

    const before = await db()('audit_events')
      .where({ url: '/healthz' })
      .count<{ count: string }[]>('* as count');
    expect((await request(t.app).get('/healthz')).status).toBe(200);
    await settle();
    const after = await db()('audit_events')
      .where({ url: '/healthz' })
      .count<{ count: string }[]>('* as count');
    expect([before[0]?.count, after[0]?.count]).toEqual(['0', '0']);
  });
});

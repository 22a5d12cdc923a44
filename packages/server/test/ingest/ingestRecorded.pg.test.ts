/**
 * spec/ingest.md §11.2 case 23: ingest requests are recorded in `_gateway` with the redacted body;
 * the ingested records themselves are stored exactly as sent.
 */
import request from 'supertest';
import pino from 'pino';
import type { Express } from 'express';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestApp } from '../../test-support/testApp';
import { createTestCredential } from '../../test-support/credentials';
import { createRecorder, type SelfRecorder } from '../../src/recorder/createRecorder';
import { testConfig } from '../../src/config/loadConfig';
import { L1, L2, L3 } from './atlanFixture';

const db = useTestDatabase();
let app: Express;
let recorder: SelfRecorder;
const auth: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  recorder = createRecorder({
    db: db(),
    log: pino({ level: 'silent' }),
    clock: Date.now,
    config: testConfig(),
  });
  app = createTestApp(db(), { recorder }).app;
  for (const [k, roles, environments] of [
    ['ing', ['ingest:write'], ['env-a', 'env-b']],
    ['wb', ['atomic:workbench'], ['env-a', 'env-b', '_gateway']],
    ['atlan', ['atlan:read'], []],
  ] as const) {
    const c = await createTestCredential(db(), {
      tenant: 'acme',
      name: `cred-${k}`,
      roles: [...roles],
      environments: [...environments],
    });
    auth[k] = c.authorization;
    ids[k] = c.id;
  }
});
afterAll(async () => recorder.close());

it('case 23: ingest requests are recorded; ingested data is not redacted', async () => {
  const records = [L1, L2, L3];
  await request(app)
    .post('/api/v1/ingest/atlan')
    .set('Authorization', auth.ing!)
    .set('Content-Type', 'application/json')
    .send(JSON.stringify(records))
    .expect(200);
  await recorder.flush();
  const log = await request(app)
    .get('/v1/_gateway/audit-log?source=ingest-api&limit=1')
    .set('Authorization', auth.wb!);
  expect(log.status).toBe(200);
  const entry = (log.body.data as Record<string, unknown>[])[0];
  expect(entry).toMatchObject({
    url: '/api/v1/ingest/atlan',
    method: 'POST',
    status: 200,
    resource: { type: 'entity_audit' },
    action: { type: 'create', description: 'Ingest Atlan entity audit records' },
    // fixture G's clientId `cred-ing` is that credential's id
    auth: { type: 'clientCredentials', clientId: ids.ing, scheme: 'bearer' },
  });
  expect(JSON.parse(String(entry?.payload))).toEqual(records);

  const secret = {
    ...L1,
    entityId: 'gs',
    detail: { typeName: 'Table', guid: 'gs', attributes: { apiToken: 'x' } },
  };
  await request(app)
    .post('/api/v1/ingest/atlan')
    .set('Authorization', auth.ing!)
    .set('Content-Type', 'application/json')
    .send(JSON.stringify([secret]))
    .expect(200);
  await recorder.flush();
  const search = await request(app)
    .post('/api/meta/entity/auditSearch')
    .set('Authorization', auth.atlan!)
    .set('Content-Type', 'application/json')
    .send({ dsl: { query: { term: { entityId: 'gs' } } } });
  expect(search.body.entityAudits[0].detail.attributes).toEqual({ apiToken: 'x' });
  const logged = await request(app)
    .get('/v1/_gateway/audit-log?source=ingest-api&limit=1')
    .set('Authorization', auth.wb!);
  const payload = String((logged.body.data as Record<string, unknown>[])[0]?.payload);
  expect(payload).toContain('"apiToken":"[REDACTED]"');
});

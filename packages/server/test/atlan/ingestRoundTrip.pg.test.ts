/**
 * spec/ingest.md §7.1 seen from the Atlan surface: a response's `entityAudits`, posted unchanged to
 * the ingest API of another tenant, come back as the same entries — `entityDetail` included, now
 * computed by ingest's fold instead of the fixture's state table.
 */
import type { Express } from 'express';
import request from 'supertest';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestCredential } from '../../test-support/credentials';
import { createTestApp } from '../../test-support/testApp';
import { loadAtlanFixtures, NOW, SEARCH, type Auth } from './atlanFixture';

const db = useTestDatabase();
let app: Express;
let auth: Auth;
let writer: string;
let reader: string;

beforeAll(async () => {
  auth = await loadAtlanFixtures(db());
  app = createTestApp(db(), { clock: () => NOW }).app;
  writer = (await createTestCredential(db(), { tenant: 'T9', name: 'w9', roles: ['ingest:write'] }))
    .authorization;
  reader = (await createTestCredential(db(), { tenant: 'T9', name: 'r9', roles: ['atlan:read'] }))
    .authorization;
});

const search = (authorization: string, body: object) =>
  request(app)
    .post(SEARCH)
    .set('Authorization', authorization)
    .set('Content-Type', 'application/json')
    .send(JSON.stringify(body));

it('entries re-ingested into another tenant read back identically', async () => {
  const body = {
    dsl: { size: 16, sort: [{ created: 'asc' }] },
    attributes: ['name', 'userDescription', 'certificateStatus'],
  };
  const original = await search(auth.K1 ?? '', body);
  expect(original.status).toBe(200);
  const posted = await request(app)
    .post('/api/v1/ingest/atlan')
    .set('Authorization', writer)
    .set('Content-Type', 'application/json')
    .send(JSON.stringify(original.body.entityAudits));
  expect(posted.status).toBe(200);
  const copy = await search(reader, body);
  expect(copy.status).toBe(200);
  expect(copy.body).toEqual(original.body);
});

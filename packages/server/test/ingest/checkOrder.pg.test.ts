import request from 'supertest';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestApp } from '../../test-support/testApp';
import { createTestCredential } from '../../test-support/credentials';

// spec/ingest.md §4.1: the query string (step 3) and the Idempotency-Key (step 4) are judged before
// the content type (step 5) and the body size (steps 6–7).
describe('ingest check order', () => {
  const db = useTestDatabase();
  let authorization = '';
  beforeAll(async () => {
    ({ authorization } = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'writer',
      roles: ['ingest:write'],
    }));
  });

  it('answers a query string with AQ140 before a wrong content type', async () => {
    const res = await request(createTestApp(db()).app)
      .post('/api/v1/ingest/atlan?dryRun=1')
      .set('Authorization', authorization)
      .set('Content-Type', 'text/plain')
      .send('x');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('AQ140');
  });

  it('answers a malformed Idempotency-Key with AQ151 before a wrong content type', async () => {
    const res = await request(createTestApp(db()).app)
      .post('/api/v1/ingest/atlan')
      .set('Authorization', authorization)
      .set('Content-Type', 'text/plain')
      .set('Idempotency-Key', 'not valid') // a space is not a visible character
      .send('x');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('AQ151');
  });

  it('still answers 415 for a wrong content type when the head is fine', async () => {
    const res = await request(createTestApp(db()).app)
      .post('/api/v1/ingest/atlan')
      .set('Authorization', authorization)
      .set('Content-Type', 'text/plain')
      .send('x');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('AQ415');
  });
});

/**
 * spec/atomic-audit-log.md §11.2 cases 36 (database unavailable → 503, then recovery) and 37 (the
 * per-credential rate limit), over HTTP on a real PostgreSQL.
 */
import request from 'supertest';
import { createDb, type Db } from '@audit-gateway/store';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { startTcpProxy, type TcpProxy } from '../../test-support/tcpProxy';
import { createTestApp } from '../../test-support/testApp';
import { W, createFixtureF, type FixtureF } from './fixtureF';

describe('operations: cases 36 and 37', () => {
  const db = useTestDatabase();
  let f: FixtureF;

  beforeAll(async () => {
    f = await createFixtureF(db());
  });

  describe('case 36: database unavailable', () => {
    let proxy: TcpProxy;
    let viaProxy: Db;
    beforeAll(async () => {
      const target = new URL(db.url);
      proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
      const u = new URL(db.url);
      u.hostname = '127.0.0.1';
      u.port = String(proxy.port);
      viaProxy = createDb({ url: u.toString(), poolMax: 2 });
    });
    afterAll(async () => {
      await viaProxy.destroy();
      await proxy.cut();
    });

    it('answers 503 AQ503 with Retry-After and errorId, then recovers', async () => {
      const { app } = createTestApp(viaProxy, { config: { cursorKeys: [Buffer.alloc(32, 7)] } });
      const path = `/v1/env-a/audit-log?${W}`;
      const before = await request(app)
        .get(path)
        .set('Authorization', f.auth['tok-wb'] ?? '');
      expect(before.status).toBe(200);
      await proxy.cut();
      const down = await request(app)
        .get(path)
        .set('Authorization', f.auth['tok-wb'] ?? '');
      const body = down.body as { code: string; errorId: string; detail: string };
      expect([down.status, body.code, down.headers['retry-after']]).toEqual([503, 'AQ503', '5']);
      expect(body.errorId).toMatch(/^[0-9a-f]{16}$/);
      expect(body.detail.endsWith(`(error id ${body.errorId})`)).toBe(true);
      await proxy.restore();
      let after = await request(app)
        .get(path)
        .set('Authorization', f.auth['tok-wb'] ?? '');
      for (let i = 0; i < 20 && after.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        after = await request(app)
          .get(path)
          .set('Authorization', f.auth['tok-wb'] ?? '');
      }
      expect(after.status).toBe(200);
      expect(after.body).toEqual(before.body);
    });
  });

  it('case 37: rate limit per credential', async () => {
    const { app } = createTestApp(db(), { config: { rateLimitPerMinute: 2 } });
    const path = `/v1/env-a/audit-log?${W}`;
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await request(app)
        .get(path)
        .set('Authorization', f.auth['tok-wb'] ?? '');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect((last?.body as { code: string }).code).toBe('AQ429');
    expect(Number(last?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const other = await request(app)
      .get(path)
      .set('Authorization', f.auth['tok-wb-a'] ?? '');
    expect(other.status).toBe(200);
  });
});

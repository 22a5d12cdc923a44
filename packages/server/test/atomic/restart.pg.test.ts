/**
 * spec/atomic-audit-log.md §11.2 cases 34 and 35 with the real server (startServer, as `serve` runs
 * it): the recorder flushes on graceful shutdown, and cursors survive a restart and are accepted by
 * another replica, because the signing key is kept in store_meta rather than made per process.
 * stop() is what the SIGTERM handler calls.
 */
import { isDeepStrictEqual } from 'node:util';
import pino from 'pino';
import request from 'supertest';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import type { Config } from '../../src/config/Config';
import { testConfig } from '../../src/config/loadConfig';
import { startServer, type StartedServer } from '../../src/app/startServer';
import { W, createFixtureF, type FixtureF } from './fixtureF';

describe('restart and replicas: cases 34 and 35', () => {
  const db = useTestDatabase();
  let f: FixtureF;
  let config: Config;
  const running: StartedServer[] = [];

  beforeAll(async () => {
    f = await createFixtureF(db());
    config = testConfig({
      database: { kind: 'url', url: db.url },
      port: 0,
      rateLimitPerMinute: 0,
      bootstrapToken: 'bootstrap-token-for-tests-0123456789abcdef',
    });
  });
  afterAll(async () => {
    for (const s of running) await s.stop('test end');
  });

  async function start(): Promise<StartedServer> {
    const s = await startServer(config, { log: pino({ level: 'silent' }), out: () => undefined });
    running.push(s);
    return s;
  }
  const url = (s: StartedServer) => `http://127.0.0.1:${s.port}`;
  const get = (s: StartedServer, path: string) =>
    request(url(s))
      .get(path)
      .set('Authorization', f.auth['tok-wb'] ?? '');

  it('case 34: flush on graceful shutdown', async () => {
    const first = await start();
    const res = await get(first, `/v1/env-a/audit-log?authType=client&limit=7&${W}`);
    expect(res.status).toBe(200);
    await first.stop('SIGTERM'); // within a few ms of the response, well inside the 200 ms interval
    const second = await start();
    const log = await get(second, '/v1/_gateway/audit-log?source=atomic-api&limit=50');
    expect(log.status).toBe(200);
    const wanted = { authType: 'client', limit: '7', to: '2024-06-01T00:00:00Z' };
    const matching = (log.body as { data: { query: unknown }[] }).data.filter((e) =>
      isDeepStrictEqual(e.query, wanted),
    );
    expect(matching).toHaveLength(1);
    await second.stop('test');
  });

  it('case 35: cursors survive a restart and work on every replica', async () => {
    const first = await start();
    const p1 = await get(first, `/v1/env-a/audit-log?limit=3&${W}`);
    expect((p1.body as { data: { id: string }[] }).data.map((e) => e.id)).toEqual([
      'a8',
      'a7',
      'a6',
    ]);
    const C1 = (p1.body as { cursor: string }).cursor;
    await first.stop('restart');

    const restarted = await start();
    const replica = await start();
    const a = await get(restarted, `/v1/env-a/audit-log?limit=3&${W}&cursor=${C1}`);
    const b = await get(replica, `/v1/env-a/audit-log?limit=3&${W}&cursor=${C1}`);
    expect(a.status).toBe(200);
    expect((a.body as { data: { id: string }[] }).data.map((e) => e.id)).toEqual([
      'a5',
      'a4',
      'a3',
    ]);
    expect((a.body as { cursor: unknown }).cursor).toEqual(expect.any(String));
    expect(b.status).toBe(200);
    expect((b.body as { data: unknown }).data).toEqual((a.body as { data: unknown }).data);
  });
});

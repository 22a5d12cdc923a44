import request from 'supertest';
import pino from 'pino';
import { createDb, migrateLatest, rollbackAll } from '@audit-gateway/store';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createApp } from '../../src/app/createApp';
import type { AppDeps } from '../../src/app/types';
import { testConfig } from '../../src/config/loadConfig';
import { createReadinessCheck } from '../../src/health/checkReadiness';
import { createMetrics } from '../../src/observability/metrics';
import { gatewayRoutes } from '../../src/routes/gatewayRoutes';
import { FakeAuthenticator, MemoryRecorder, unreachableSearch } from '../../test-support/fakes';
import { startTcpProxy } from '../../test-support/tcpProxy';

describe('/readyz', () => {
  const db = useTestDatabase();

  it('is 200 when migrated, 503 while the database is unreachable, and recovers without a restart', async () => {
    const target = new URL(db.url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(db.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const proxied = createDb({ url: viaProxy.toString(), poolMax: 2 });
    const deps: AppDeps = {
      config: testConfig(),
      db: proxied,
      log: pino({ level: 'silent' }),
      clock: Date.now,
      search: unreachableSearch,
      authenticator: new FakeAuthenticator({}),
      recorder: new MemoryRecorder(),
    };
    const metrics = createMetrics({ defaultMetrics: false });
    const routes = gatewayRoutes(deps, {
      metrics,
      readiness: createReadinessCheck(proxied),
      allRoutes: () => routes,
      version: 'test',
    });
    const app = createApp(deps, { routes, metrics });
    try {
      expect((await request(app).get('/readyz')).status).toBe(200);
      await proxy.cut();
      const down = await request(app).get('/readyz');
      expect(down.status).toBe(503);
      expect(down.body.reason).toMatch(/database unreachable/);
      await proxy.restore();
      let status = 0;
      for (let i = 0; i < 20 && status !== 200; i++) {
        status = (await request(app).get('/readyz')).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      const m = await request(app).get('/metrics');
      expect(m.text).toMatch(
        /audit_gateway_http_requests_total\{route="\/readyz",method="GET",status="503"\} 1/,
      );
    } finally {
      await proxied.destroy();
      await proxy.cut();
    }
  });

  it('is 503 while migrations are pending', async () => {
    // the template is migrated; prove the check by rolling everything back and forth
    const check = createReadinessCheck(db());
    await rollbackAll(db());
    expect((await check()).ready).toBe(false);
    await migrateLatest(db());
    expect((await check()).ready).toBe(true);
  });
});

import { request as httpRequest } from 'node:http';
import pino from 'pino';
import { createApp } from '../../src/app/createApp';
import { createInFlight, listen } from '../../src/app/httpServer';
import type { AppDeps, Route } from '../../src/app/types';
import { testConfig } from '../../src/config/loadConfig';
import { createMetrics } from '../../src/observability/metrics';
import { renderProblem } from '@audit-gateway/ir';
import { FakeAuthenticator, MemoryRecorder, unreachableSearch } from '../../test-support/fakes';

const get = (port: number, path: string) =>
  new Promise<{ status: number; body: string }>((ok, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });

describe('graceful shutdown', () => {
  it('finishes a request in flight, then refuses new connections', async () => {
    let entered: () => void = () => undefined;
    const inside = new Promise<void>((r) => (entered = r));
    const slow: Route = {
      method: 'GET',
      paths: ['/slow'],
      surface: 'gateway',
      auth: [],
      renderError: renderProblem,
      body: { kind: 'none' },
      record: false,
      handle: async () => {
        entered();
        await new Promise((r) => setTimeout(r, 300));
        return { status: 200, body: { done: true } };
      },
    };
    const deps: AppDeps = {
      config: testConfig(),
      db: undefined as never,
      log: pino({ level: 'silent' }),
      clock: Date.now,
      search: unreachableSearch,
      authenticator: new FakeAuthenticator({}),
      recorder: new MemoryRecorder(),
    };
    const inFlight = createInFlight();
    const app = createApp(deps, {
      routes: [slow],
      metrics: createMetrics({ defaultMetrics: false }),
      inFlight,
    });
    const running = await listen(app, 0, inFlight, '127.0.0.1');
    const pending = get(running.port, '/slow');
    await inside;
    const closed = running.close(5000);
    const res = await pending;
    expect(res).toEqual({ status: 200, body: '{"done":true}' });
    expect(await closed).toEqual({ unfinished: 0 });
    await expect(get(running.port, '/slow')).rejects.toThrow(/ECONNREFUSED/);
  });
});

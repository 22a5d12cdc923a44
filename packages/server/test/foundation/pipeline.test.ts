import { connect, type AddressInfo } from 'node:net';
import request from 'supertest';
import pino from 'pino';
import { AuditError, type SurfaceRequest } from '@audit-gateway/ir';
import { createApp } from '../../src/app/createApp';
import type { AppDeps, Route } from '../../src/app/types';
import { testConfig } from '../../src/config/loadConfig';
import { createMetrics } from '../../src/observability/metrics';
import { buildRoutes } from '../../src/routes/buildRoutes';
import {
  FakeAuthenticator,
  MemoryRecorder,
  principal,
  unreachableSearch,
} from '../../test-support/fakes';

const seen: SurfaceRequest[] = [];
const echo: Route = {
  method: 'POST',
  paths: ['/echo/:id'],
  surface: 'gateway',
  auth: ['bearer'],
  role: 'atlan:read',
  renderError: (e, id) => ({
    status: e.status,
    headers: {},
    body: { code: e.code, message: e.message, id },
  }),
  body: { kind: 'json', limitBytes: 1024 },
  record: { source: 'gateway-api', resourceType: 'test', action: 'create', description: 'Echo' },
  handle: (req) => {
    seen.push(req);
    return Promise.resolve({
      status: 200,
      body: { params: req.params, body: req.body, tenant: req.principal.tenant },
    });
  },
};
const failing = (error: Error): Route => ({
  ...echo,
  method: 'GET',
  paths: [`/fail/${(error as Error & { code?: string }).code ?? 'x'}`],
  role: undefined,
  body: { kind: 'none' },
  handle: () => Promise.reject(error),
});

const recorder = new MemoryRecorder();
const deps: AppDeps = {
  config: testConfig({ bodyLimitBytes: 2048 }),
  db: undefined as never, // these routes never touch the database
  log: pino({ level: 'silent' }),
  clock: () => 1_700_000_000_000,
  search: unreachableSearch,
  authenticator: new FakeAuthenticator({
    good: principal(),
    reader: principal({ name: 'reader', roles: ['atlan:read'] }),
    nobody: principal({ name: 'nobody', roles: ['ingest:write'] }),
  }),
  recorder,
};
const routes = [
  ...buildRoutes(deps, {
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: () => Promise.resolve({ ready: true }),
    version: 'test',
  }),
  echo,
  failing(new Error('boom: SELECT secret FROM credentials')),
  failing(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })),
  failing(
    Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
  ),
];
const app = createApp(deps, { routes, metrics: createMetrics({ defaultMetrics: false }) });
const json = (r: request.Test) => r.set('Content-Type', 'application/json');

describe('the request pipeline', () => {
  const authenticator = deps.authenticator as FakeAuthenticator;

  it('counts unknown paths and /docs against the client IP, but not health probes', async () => {
    authenticator.anonymous.length = 0;
    const missing = await request(app).get('/missing');
    expect(missing.headers['ratelimit-remaining']).toBe('59');
    await request(app).get('/docs');
    await request(app).get('/healthz');
    await request(app).get('/readyz');
    await request(app).get('/metrics');
    expect(authenticator.anonymous).toHaveLength(2);
  });

  it('fails a request with two Authorization headers without verifying either', async () => {
    const seen = authenticator.seen.length;
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    // written by hand: HTTP clients merge or refuse repeated Authorization fields
    const status = await new Promise<number>((ok, fail) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.end(
          'POST /echo/1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
            'Authorization: Bearer good\r\nAuthorization: Bearer good\r\n' +
            'Content-Length: 2\r\nConnection: close\r\n\r\n{}',
        ),
      );
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('end', () => ok(Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1])));
      socket.on('error', fail);
    });
    server.close();
    expect(status).toBe(401);
    expect(authenticator.seen[seen]?.authorization).toBe('Repeated-Authorization-Headers');
  });

  it('authenticates before anything else: a malformed unauthenticated request gets 401', async () => {
    const res = await json(request(app).post('/echo/1')).send('{not json');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="audit-gateway"');
  });

  it('gives 405 with Allow after authentication, in the route shape', async () => {
    const unauth = await request(app).get('/echo/1');
    expect(unauth.status).toBe(401);
    const res = await request(app).get('/echo/1').set('Authorization', 'Bearer good');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.body.code).toBe('AQ405');
  });

  it('rejects a non-JSON content type with 415 before reading the body', async () => {
    const res = await request(app)
      .post('/echo/1')
      .set('Authorization', 'Bearer good')
      .set('Content-Type', 'text/plain')
      .send('x');
    expect(res.status).toBe(415);
    const charset = await request(app)
      .post('/echo/1')
      .set('Authorization', 'Bearer good')
      .set('Content-Type', 'application/json; charset=ISO-8859-1')
      .send('{}');
    expect(charset.status).toBe(415);
  });

  it('answers malformed JSON with a 400 in the error middleware shape', async () => {
    const res = await json(request(app).post('/echo/1').set('Authorization', 'Bearer good')).send(
      '{"a":',
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'AQ150' });
    expect(res.body.message).toMatch(/not valid JSON/);
    expect(res.body.id).toBe(res.headers['x-request-id']);
  });

  it('rejects JSON nested deeper than 128 levels before parsing it', async () => {
    const deep = '['.repeat(129) + ']'.repeat(129);
    const res = await json(request(app).post('/echo/1').set('Authorization', 'Bearer good')).send(
      deep,
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/deeper than 128/);
    const ok = await json(request(app).post('/echo/1').set('Authorization', 'Bearer good')).send(
      '['.repeat(128) + ']'.repeat(128),
    );
    expect(ok.status).toBe(200);
  });

  it('answers an oversized body with 413', async () => {
    const res = await json(request(app).post('/echo/1').set('Authorization', 'Bearer good')).send(
      JSON.stringify({ a: 'x'.repeat(5000) }),
    );
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('AQ413');
  });

  it('checks the role after the body, and gateway:admin passes every role', async () => {
    const denied = await json(
      request(app).post('/echo/1').set('Authorization', 'Bearer nobody'),
    ).send('{}');
    expect(denied.status).toBe(403);
    const reader = await json(
      request(app).post('/echo/1').set('Authorization', 'Bearer reader'),
    ).send('{}');
    expect(reader.status).toBe(200);
    const admin = await json(request(app).post('/echo/1').set('Authorization', 'Bearer good')).send(
      '{}',
    );
    expect(admin.status).toBe(200);
  });

  it('hands the surface params, the parsed body, null kept and empty told apart, and one now', async () => {
    const res = await json(
      request(app).post('/echo/a%20b/?x=1').set('Authorization', 'Bearer good'),
    ).send('null');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      params: { id: 'a b' },
      body: { kind: 'json', value: null },
      tenant: 'acme',
    });
    const empty = await json(request(app).post('/echo/1').set('Authorization', 'Bearer good')).send(
      '',
    );
    expect(empty.body.body).toEqual({ kind: 'empty' });
    expect(seen.at(-1)?.now).toBe(1_700_000_000_000);
    expect(seen.at(-1)?.query).toEqual([]);
  });

  it('answers HEAD like GET and serves the OpenAPI document with every route', async () => {
    const head = await request(app).head('/healthz');
    expect(head.status).toBe(200);
    const docs = await request(app).get('/docs');
    expect(docs.status).toBe(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    for (const route of routes.filter((r) => !r.paths[0]?.startsWith('/fail') && r !== echo)) {
      for (const p of route.paths) {
        const path = p.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
        expect(docs.body.paths[path]?.[route.method.toLowerCase()]).toBeDefined();
      }
    }
  });

  it('renders faults as 500 with the error id and nothing of the cause', async () => {
    const res = await request(app).get('/fail/x').set('Authorization', 'Bearer good');
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|secret|boom/);
    expect(res.body.code).toBe('AQ500');
  });

  it('maps an unreachable database to AQ503 with Retry-After, and a statement timeout to AQ500', async () => {
    const down = await request(app).get('/fail/ECONNREFUSED').set('Authorization', 'Bearer good');
    expect(down.status).toBe(503);
    expect(down.body.code).toBe('AQ503');
    expect(down.headers['retry-after']).toBe('5');
    const slow = await request(app).get('/fail/57014').set('Authorization', 'Bearer good');
    expect(slow.status).toBe(500);
  });

  it('records every request except health, readiness and metrics, with the body it read', async () => {
    recorder.facts.length = 0;
    await request(app).get('/healthz');
    await request(app).get('/readyz');
    await request(app).get('/metrics');
    await json(request(app).post('/echo/7?q=1').set('Authorization', 'Bearer good')).send(
      '{"a":1}',
    );
    await request(app).get('/nope');
    await new Promise((r) => setTimeout(r, 20));
    expect(recorder.facts.map((f) => [f.method, f.path, f.status])).toEqual([
      ['POST', '/echo/7', 200],
      ['GET', '/nope', 404],
    ]);
    const [echoFacts, notFound] = recorder.facts;
    expect(echoFacts?.query).toEqual([['q', '1']]);
    expect(echoFacts?.body?.toString()).toBe('{"a":1}');
    expect(echoFacts?.principal?.name).toBe('tester');
    expect(echoFacts?.record?.source).toBe('gateway-api');
    expect(notFound?.record).toBeUndefined();
    expect(notFound?.principal).toBeUndefined();
  });

  it('keeps AuditError native codes for the renderer', () => {
    const e = new AuditError('AQ100', 'bad', { native: { code: 'X-1', status: 400 } });
    expect(e.native?.code).toBe('X-1');
  });
});

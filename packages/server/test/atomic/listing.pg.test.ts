/**
 * spec/atomic-audit-log.md §11.2 cases 1-21 and 38 over HTTP, on fixture F and a real PostgreSQL.
 */
import { createHmac, randomBytes } from 'node:crypto';
import request from 'supertest';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestApp, type TestApp } from '../../test-support/testApp';
import { A1_JSON, W, bId, createFixtureF, type FixtureF } from './fixtureF';

interface Page {
  data: Record<string, unknown>[];
  cursor: string | null;
}

describe('Atomic audit-log: cases 1-21 and 38', () => {
  const db = useTestDatabase();
  let t: TestApp;
  let f: FixtureF;

  beforeAll(async () => {
    f = await createFixtureF(db());
    t = createTestApp(db());
  });

  const get = (path: string, token = 'tok-wb') => {
    const req = request(t.app).get(path);
    return token === '' ? req : req.set('Authorization', f.auth[token] ?? 'Bearer missing');
  };
  const ids = (body: unknown) => (body as Page).data.map((e) => e.id);
  async function page(path: string, token = 'tok-wb'): Promise<Page> {
    const res = await get(path, token);
    expect([path, res.status, res.body]).toEqual([path, 200, expect.anything()]);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    return res.body as Page;
  }
  async function problem(path: string, status: number, code: string, token = 'tok-wb') {
    const res = await get(path, token);
    expect([path, res.status, (res.body as { code?: string }).code]).toEqual([path, status, code]);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return res;
  }

  it('case 1: no or wrong credentials', async () => {
    const none = await problem('/v1/env-a/audit-log', 401, 'AQ401', '');
    expect(none.headers['www-authenticate']).toBe('Bearer realm="audit-gateway"');
    const wrong = await request(t.app)
      .get('/v1/env-a/audit-log')
      .set('Authorization', 'Bearer nope');
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toContain('error="invalid_token"');
    await problem('/v1/env-a/audit-log', 401, 'AQ401', 'basic-atlas');
  });

  it('case 2: role', async () => {
    await problem(`/v1/env-a/audit-log?${W}`, 403, 'AQ403', 'tok-ing');
    await problem(`/v1/env-a/audit-log?${W}`, 403, 'AQ403', 'tok-atlan');
  });

  it('case 3: environment, 404-like', async () => {
    const bodies: string[] = [];
    for (const env of ['env-b', 'env-z', 'env-nope', 'bad%20id']) {
      const res = await problem(`/v1/${env}/audit-log`, 403, 'AQ430', 'tok-wb-a');
      const shown = decodeURIComponent(env);
      bodies.push(JSON.stringify(res.body).replace(JSON.stringify(shown).slice(1, -1), '<id>'));
    }
    expect(new Set(bodies).size).toBe(1);
  });

  it('case 4: default environment', async () => {
    expect(await page(`/audit-log?${W}`)).toEqual(await page(`/v1/env-a/audit-log?${W}`));
    expect(await page(`/audit-log/?${W}`)).toEqual(await page(`/v1/env-a/audit-log/?${W}`));
    const res = await problem('/audit-log', 403, 'AQ430', 'tok-wb-none');
    expect((res.body as { detail: string }).detail).toMatch(/no default environment/);
  });

  it('case 5: default listing', async () => {
    const p = await page(`/v1/env-a/audit-log?${W}`);
    expect(ids(p)).toEqual(['a8', 'a7', 'a6', 'a5', 'a4', 'a3', 'a2', 'a1']);
    expect(p.cursor).toBeNull();
  });

  it('case 6: entry shape', async () => {
    const p = await page(`/v1/env-a/audit-log?${W}`);
    expect(p.data.find((e) => e.id === 'a1')).toEqual(A1_JSON);
    expect(p.data.find((e) => e.id === 'a2')).toMatchObject({
      ip: null,
      userAgent: null,
      query: null,
      payload: null,
      time: null,
      organisationId: 'acme',
    });
    for (const e of p.data) {
      expect(Object.keys(e).sort()).toEqual(Object.keys(A1_JSON).sort());
      expect(e.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });

  it('case 7: authType values', async () => {
    const cases: [string, string[]][] = [
      ['workbench', ['a8', 'a5', 'a2']],
      ['clientCredentials', ['a7', 'a6', 'a1']],
      ['client', ['a3']],
      ['signedPayload', ['a4']],
    ];
    for (const [authType, expected] of cases) {
      const p = await page(`/v1/env-a/audit-log?authType=${authType}&${W}`);
      expect([authType, ids(p), p.cursor]).toEqual([authType, expected, null]);
    }
  });

  it('case 8: bad authType', async () => {
    for (const v of ['Workbench', 'basic', '']) {
      const res = await problem(`/v1/env-a/audit-log?authType=${v}`, 400, 'AQ100');
      expect((res.body as { errors: { parameter: string }[] }).errors[0]?.parameter).toBe(
        'authType',
      );
    }
  });

  it('case 9: default limit', async () => {
    const p = await page(`/v1/env-b/audit-log?${W}`);
    expect(ids(p)).toEqual(Array.from({ length: 100 }, (_, i) => bId(1050 - i)));
    expect(typeof p.cursor).toBe('string');
  });

  it('case 10: limit bounds', async () => {
    const one = await page(`/v1/env-b/audit-log?limit=1&${W}`);
    expect(ids(one)).toEqual(['b1050']);
    expect(one.cursor).toEqual(expect.any(String));
    const first = await page(`/v1/env-b/audit-log?limit=1000&${W}`);
    expect(ids(first)).toEqual(Array.from({ length: 1000 }, (_, i) => bId(1050 - i)));
    const rest = await page(`/v1/env-b/audit-log?limit=1000&${W}&cursor=${first.cursor}`);
    expect(ids(rest)).toEqual(Array.from({ length: 50 }, (_, i) => bId(50 - i)));
    expect(rest.cursor).toBeNull();
    for (const v of ['0', '1001', '-1', '10.5', '%2B5', 'abc', '']) {
      const res = await problem(`/v1/env-b/audit-log?limit=${v}`, 400, 'AQ100');
      expect(
        (res.body as { errors: { parameter: string }[] }).errors.map((e) => e.parameter),
      ).toEqual(['limit']);
    }
  });

  it('case 11: several errors, unknown and repeated parameters', async () => {
    const several = await problem('/v1/env-a/audit-log?limit=0&authType=x&order=up', 400, 'AQ100');
    expect(
      (several.body as { errors: { parameter: string }[] }).errors.map((e) => e.parameter),
    ).toEqual(['authType', 'limit', 'order']);
    await problem('/v1/env-a/audit-log?authtype=workbench', 400, 'AQ140');
    await problem('/v1/env-a/audit-log?limit=5&limit=6', 400, 'AQ141');
  });

  it('case 12: filters', async () => {
    const cases: [string, string[]][] = [
      ['status=4xx,5xx', ['a8', 'a6']],
      ['method=get', ['a7', 'a6', 'a2']],
      ['resourceType=action_flow&actionType=read', ['a7', 'a6']],
      ['source=client-api', ['a3']],
    ];
    for (const [q, expected] of cases)
      expect([q, ids(await page(`/v1/env-a/audit-log?${q}&${W}`))]).toEqual([q, expected]);
  });

  it('case 13: time bounds', async () => {
    expect(
      ids(await page('/v1/env-a/audit-log?from=2024-05-01T10:00:02Z&to=1714557605000')),
    ).toEqual(['a5', 'a4', 'a3']);
    expect(
      ids(await page(`/v1/env-a/audit-log?from=2024-05-01T12:00:05.000%2B02:00&${W}`)),
    ).toEqual(['a8', 'a7', 'a6']);
  });

  it('case 14: bad extension values', async () => {
    const cases: [string, string][] = [
      ['from=yesterday', 'from'],
      ['to=2024-02-30', 'to'],
      ['from=2024-05-01T10:00:00', 'from'],
      ['from=1714557605000&to=1714557600000', 'from'],
      ['status=99', 'status'],
      ['status=6xx', 'status'],
      ['method=G1', 'method'],
      ['source=email', 'source'],
      ['order=DESC', 'order'],
      ['resourceType=a,,b', 'resourceType'],
    ];
    for (const [q, parameter] of cases) {
      const res = await problem(`/v1/env-a/audit-log?${q}`, 400, 'AQ100');
      expect([
        q,
        (res.body as { errors: { parameter: string }[] }).errors.map((e) => e.parameter),
      ]).toEqual([q, [parameter]]);
    }
  });

  async function c1(): Promise<string> {
    const p = await page(`/v1/env-a/audit-log?limit=3&${W}`);
    expect(ids(p)).toEqual(['a8', 'a7', 'a6']);
    return p.cursor as string;
  }

  it('case 15: round trip', async () => {
    const C1 = await c1();
    const p2 = await page(`/v1/env-a/audit-log?limit=3&${W}&cursor=${C1}`);
    expect(ids(p2)).toEqual(['a5', 'a4', 'a3']);
    const p3 = await page(`/v1/env-a/audit-log?limit=3&${W}&cursor=${p2.cursor}`);
    expect(ids(p3)).toEqual(['a2', 'a1']);
    expect(p3.cursor).toBeNull();
  });

  it('case 16: inheritance and a changed limit', async () => {
    const C1 = await c1();
    expect(ids(await page(`/v1/env-a/audit-log?cursor=${C1}&limit=3`))).toEqual(['a5', 'a4', 'a3']);
    const wide = await page(`/v1/env-a/audit-log?cursor=${C1}&limit=10&${W}`);
    expect(ids(wide)).toEqual(['a5', 'a4', 'a3', 'a2', 'a1']);
    expect(wide.cursor).toBeNull();
  });

  it('case 17: tampered cursor', async () => {
    const C1 = await c1();
    const [body = '', mac = ''] = C1.split('.');
    const flipped = body.slice(0, 10) + (body[10] === 'A' ? 'B' : 'A') + body.slice(11);
    const other = (await page(`/v1/env-a/audit-log?limit=2&${W}`)).cursor?.split('.')[1];
    const foreignKey = randomBytes(32);
    const forged = `${body}.${createHmac('sha256', foreignKey).update(body, 'ascii').digest('base64url')}`;
    for (const bad of [
      `${flipped}.${mac}`,
      `${body}.${other}`,
      C1.slice(0, -1),
      'abc',
      'x'.repeat(5000),
      forged,
    ]) {
      await problem(`/v1/env-a/audit-log?limit=3&${W}&cursor=${bad}`, 400, 'AQ120');
    }
  });

  it('case 18: cursor reused with a different authType', async () => {
    const p = await page(`/v1/env-a/audit-log?authType=workbench&limit=1&${W}`);
    expect(ids(p)).toEqual(['a8']);
    const Cw = p.cursor as string;
    const res = await problem(
      `/v1/env-a/audit-log?authType=client&limit=1&${W}&cursor=${Cw}`,
      400,
      'AQ121',
    );
    expect((res.body as { detail: string }).detail).toContain('authType');
    expect(
      ids(await page(`/v1/env-a/audit-log?authType=workbench&limit=1&${W}&cursor=${Cw}`)),
    ).toEqual(['a5']);
    expect(ids(await page(`/v1/env-a/audit-log?limit=1&cursor=${Cw}`))).toEqual(['a5']);
  });

  it('case 19: foreign cursor', async () => {
    const Cw = (await page(`/v1/env-a/audit-log?authType=workbench&limit=1&${W}`)).cursor as string;
    await problem(`/v1/env-b/audit-log?cursor=${Cw}`, 400, 'AQ120');
    const Cz = (
      await request(t.app)
        .get('/v1/env-z/audit-log?limit=1&order=asc')
        .set('Authorization', f.auth['tok-glx'] ?? '')
    ).body as Page;
    expect(Cz.cursor).toEqual(expect.any(String));
    await problem(`/v1/env-a/audit-log?cursor=${Cz.cursor}`, 400, 'AQ120');
    const C1 = await c1();
    expect(ids(await page(`/v1/env-a/audit-log?cursor=${C1}&limit=3`, 'tok-wb-a'))).toEqual([
      'a5',
      'a4',
      'a3',
    ]);
  });

  it('case 20: order mismatch', async () => {
    await problem(`/v1/env-a/audit-log?order=asc&cursor=${await c1()}`, 400, 'AQ121');
  });

  it('case 21: end of results', async () => {
    const eight = await page(`/v1/env-a/audit-log?limit=8&${W}`);
    expect([ids(eight).length, eight.cursor]).toEqual([8, null]);
    const seven = await page(`/v1/env-a/audit-log?limit=7&${W}`);
    expect(ids(seven)).toHaveLength(7);
    const last = await page(`/v1/env-a/audit-log?cursor=${seven.cursor}`);
    expect([ids(last), last.cursor]).toEqual([['a1'], null]);
    expect(await page(`/v1/env-a/audit-log?authType=signedPayload&status=5xx&${W}`)).toEqual({
      data: [],
      cursor: null,
    });
  });

  it('case 38: gateway:admin and environments without entries', async () => {
    const own = await page(`/v1/env-a/audit-log?${W}`);
    expect(await page(`/v1/env-a/audit-log?${W}`, 'tok-root')).toEqual(own);
    expect(await page('/v1/env-unused/audit-log', 'tok-root')).toEqual({ data: [], cursor: null });
    expect(await page('/v1/env-z/audit-log', 'tok-root')).toEqual({ data: [], cursor: null });
    await problem('/audit-log', 403, 'AQ430', 'tok-root');
    const a = await problem('/v1/env-unused/audit-log', 403, 'AQ430', 'tok-wb-a');
    const b = await problem('/v1/env-b/audit-log', 403, 'AQ430', 'tok-wb-a');
    expect(JSON.stringify(a.body).replace('env-unused', '<id>')).toBe(
      JSON.stringify(b.body).replace('env-b', '<id>'),
    );
  });

  it('HEAD is answered like GET without a body; other methods get 405 with Allow', async () => {
    const head = await request(t.app)
      .head(`/v1/env-a/audit-log?${W}`)
      .set('Authorization', f.auth['tok-wb'] ?? '');
    expect(head.status).toBe(200);
    expect(head.text ?? '').toBe('');
    const post = await request(t.app)
      .post('/v1/env-a/audit-log')
      .set('Authorization', f.auth['tok-wb'] ?? '');
    expect([post.status, (post.body as { code: string }).code, post.headers.allow]).toEqual([
      405,
      'AQ405',
      'GET, HEAD',
    ]);
    const anonymous = await request(t.app).post('/v1/env-a/audit-log');
    expect(anonymous.status).toBe(401);
  });

  it('the OpenAPI document lists both paths, marking the extensions', async () => {
    const res = await request(t.app).get('/docs/openapi.json');
    expect(res.status).toBe(200);
    const paths = (
      res.body as {
        paths: Record<
          string,
          { get?: { parameters?: { name: string; schema: Record<string, unknown> }[] } }
        >;
      }
    ).paths;
    for (const p of ['/v1/{environmentId}/audit-log', '/audit-log']) {
      const params = paths[p]?.get?.parameters ?? [];
      const byName = new Map(params.map((x) => [x.name, x.schema]));
      expect([...byName.keys()]).toEqual(
        expect.arrayContaining(['authType', 'limit', 'cursor', 'order', 'from', 'status']),
      );
      expect(byName.get('order')?.['x-extension']).toBe(true);
      expect(byName.get('authType')?.['x-extension']).toBeUndefined();
    }
  });
});

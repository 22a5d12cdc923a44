import { renderProblem } from '@audit-gateway/ir';
import type { Route } from '../../src/app/types';
import { compileRoutes, matchRoute } from '../../src/http/routeMatcher';

const route = (method: Route['method'], paths: string[]): Route => ({
  method,
  paths,
  surface: 'gateway',
  auth: [],
  renderError: renderProblem,
  body: { kind: 'none' },
  record: false,
  handle: () => Promise.resolve({ status: 200, body: null }),
});

const table = compileRoutes([
  route('POST', ['/api/atlas/admin/audits', '/api/atlas/admin/audit']),
  route('GET', ['/v1/:environmentId/audit-log']),
  route('GET', ['/api/v1/credentials']),
  route('POST', ['/api/v1/credentials']),
  route('DELETE', ['/api/v1/credentials/:id']),
]);

describe('matchRoute', () => {
  it('matches exactly, case-sensitively, with one optional trailing slash', () => {
    expect(matchRoute(table, 'POST', '/api/atlas/admin/audits').kind).toBe('found');
    expect(matchRoute(table, 'POST', '/api/atlas/admin/audits/').kind).toBe('found');
    expect(matchRoute(table, 'POST', '/api/atlas/admin/Audits').kind).toBe('none');
    expect(matchRoute(table, 'POST', '/api/atlas/admin//audits').kind).toBe('none');
    expect(matchRoute(table, 'POST', '/api/atlas/admin/audits//').kind).toBe('none');
  });

  it('captures decoded path parameters', () => {
    const m = matchRoute(table, 'GET', '/v1/env%2Da/audit-log');
    expect(m).toMatchObject({ kind: 'found', params: { environmentId: 'env-a' } });
    expect(matchRoute(table, 'GET', '/v1//audit-log').kind).toBe('none');
  });

  it('serves HEAD from the GET row and reports the allowed methods otherwise', () => {
    expect(matchRoute(table, 'HEAD', '/api/v1/credentials').kind).toBe('found');
    expect(matchRoute(table, 'PUT', '/api/v1/credentials')).toMatchObject({
      kind: 'method',
      allow: ['GET', 'HEAD', 'POST'],
    });
    expect(matchRoute(table, 'GET', '/api/atlas/admin/audits')).toMatchObject({
      kind: 'method',
      allow: ['POST'],
    });
    expect(matchRoute(table, 'GET', '/api/v1/credentials/abc')).toMatchObject({
      kind: 'method',
      allow: ['DELETE'],
    });
  });
});

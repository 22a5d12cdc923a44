import { AuditError } from '@audit-gateway/ir';
import { bodyError, dslError } from '../src/atlanErrors';
import { renderAtlanError, renderAtlanTypedefsError } from '../src/renderAtlanError';

const ID = '0123456789abcdef';

describe('renderAtlanError (spec §1.6)', () => {
  it('renders DSL and body problems in their two 400 shapes', () => {
    expect(renderAtlanError(dslError('unknown query [x]'), ID)).toMatchObject({
      status: 400,
      body: {
        errorCode: 'ATLAS-400-00-029',
        errorMessage: 'unknown query [x]',
        errorCause: 'parsing_exception',
      },
    });
    expect(renderAtlanError(bodyError('"dsl" must be a JSON object'), ID).body).toEqual({
      error: '"dsl" must be a JSON object',
    });
    expect(renderAtlanError(new AuditError('AQ150', 'not valid JSON'), ID).body).toEqual({
      error: 'not valid JSON',
    });
  });

  it('renders transport statuses in Atlan shapes, keeping their headers', () => {
    const auth = renderAtlanError(
      new AuditError('AQ401', 'x', {
        headers: { 'WWW-Authenticate': 'Bearer realm="audit-gateway"' },
      }),
      ID,
    );
    expect(auth).toMatchObject({
      status: 401,
      body: { errorCode: 'ATLAS-401-00-001', errorMessage: 'Authentication required' },
    });
    expect(auth.headers['WWW-Authenticate']).toBe('Bearer realm="audit-gateway"');
    const forbidden = new AuditError('AQ403', 'x', { extra: { principal: 'K5' } });
    expect(renderAtlanError(forbidden, ID).body).toEqual({
      errorCode: 'ATLAS-403-00-001',
      errorMessage: 'K5 is not authorized to perform audit search',
    });
    expect(renderAtlanTypedefsError(forbidden, ID).body).toEqual({
      errorCode: 'ATLAS-403-00-001',
      errorMessage: 'K5 is not authorized to read type definitions',
    });
    expect(
      renderAtlanError(new AuditError('AQ405', 'x', { headers: { Allow: 'POST' } }), ID),
    ).toMatchObject({
      status: 405,
      body: { error: 'Method Not Allowed' },
      headers: { Allow: 'POST' },
    });
    expect(renderAtlanError(new AuditError('AQ413', 'x'), ID).body).toEqual({
      error: 'Request body too large',
    });
    expect(
      renderAtlanError(new AuditError('AQ415', 'x', { extra: { contentType: 'text/plain' } }), ID)
        .body,
    ).toEqual({ error: 'Unsupported Media Type: text/plain' });
    expect(
      renderAtlanError(new AuditError('AQ429', 'x', { headers: { 'Retry-After': '7' } }), ID).body,
    ).toEqual({ error: 'Too many requests; retry after 7 seconds' });
  });

  it('answers every server fault with 500 and the error id, never 503', () => {
    for (const code of ['AQ500', 'AQ503'] as const) {
      const r = renderAtlanError(
        new AuditError(code, 'SELECT secret FROM x', { headers: { 'Retry-After': '5' } }),
        ID,
      );
      expect(r.status).toBe(500);
      expect(r.body).toEqual({
        errorCode: 'ATLAS-500-00-001',
        errorMessage: `Internal server error (error id ${ID})`,
        errorId: ID,
      });
      expect(r.headers['Retry-After']).toBeUndefined();
    }
  });
});

import { AuditError } from '@audit-gateway/ir';
import { attributeNotFound, instanceNotFound } from '../src/atlasErrors';
import { renderAtlasError } from '../src/renderAtlasError';

const ID = '0123456789abcdef';

describe('renderAtlasError (§2.6)', () => {
  it('renders Atlas errors with their native code', () => {
    expect(renderAtlasError(attributeNotFound('x'), ID)).toMatchObject({
      status: 400,
      headers: { 'Content-Type': 'application/json; charset=UTF-8' },
      body: {
        errorCode: 'ATLAS-400-00-023',
        errorMessage: 'Attribute x not found for type Atlas Audit Entry',
      },
    });
    expect(renderAtlasError(instanceNotFound('nope'), ID)).toMatchObject({
      status: 404,
      body: { errorCode: 'ATLAS-404-00-005' },
    });
  });

  it('renders the three 403 texts from the route parameters', () => {
    const forbidden = (params: Record<string, string>) =>
      renderAtlasError(new AuditError('AQ403', 'x', { extra: { principal: 'viewer', params } }), ID)
        .body;
    expect(forbidden({})).toEqual({
      errorCode: 'ATLAS-403-00-001',
      errorMessage: 'viewer is not authorized to perform Admin Audits',
    });
    expect(forbidden({ auditGuid: 'a' })).toEqual({
      errorCode: 'ATLAS-403-00-001',
      errorMessage: 'viewer is not authorized to perform audit details',
    });
    expect(forbidden({ guid: 'g1' })).toEqual({
      errorCode: 'ATLAS-403-00-001',
      errorMessage: 'viewer is not authorized to perform read entity audit: guid=g1',
    });
  });

  it('renders framework errors as {error} and keeps Allow', () => {
    const out = renderAtlasError(
      new AuditError('AQ405', 'use POST', { headers: { Allow: 'POST' } }),
      ID,
    );
    expect(out).toMatchObject({
      status: 405,
      headers: { Allow: 'POST' },
      body: { error: 'use POST' },
    });
    expect(renderAtlasError(new AuditError('AQ415', 'json only'), ID).body).toEqual({
      error: 'json only',
    });
  });

  it('puts the Basic challenge first on a 401', () => {
    const out = renderAtlasError(
      new AuditError('AQ401', 'bad token', {
        headers: { 'www-authenticate': 'Bearer realm="audit-gateway", error="invalid_token"' },
      }),
      ID,
    );
    expect(out.headers['WWW-Authenticate']).toBe(
      'Basic realm="audit-gateway", Bearer realm="audit-gateway", error="invalid_token"',
    );
    expect(out.body).toEqual({ error: 'bad token' });
  });

  it('never renders the cause of a 5xx', () => {
    const e = new AuditError('AQ500', 'SELECT secret', { cause: new Error('SELECT secret') });
    expect(renderAtlasError(e, ID).body).toEqual({
      errorCode: 'ATLAS-500-00-001',
      errorMessage: `Internal server error (error id ${ID})`,
      errorId: ID,
    });
    const down = renderAtlasError(new AuditError('AQ503', 'db'), ID);
    expect(down.headers['Retry-After']).toBe('5');
    expect(down.body).toEqual({
      errorCode: 'ATLAS-503-00-002',
      errorMessage: `Service unavailable (error id ${ID})`,
      errorId: ID,
    });
  });
});

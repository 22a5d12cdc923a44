import { revokeCredential } from '../../src/credentials/credentialStore';
import { findCredentialById } from '../../src/credentials/credentialStore';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestCredential } from '../../test-support/credentials';
import {
  ATLAN,
  ATLAS,
  ATOMIC,
  attempt,
  authHarness,
  basic,
  input,
  type Attempt,
} from './authHarness';

function failed(a: Attempt) {
  if (a.ok) throw new Error(`expected a failure, got principal ${a.outcome.principal.name}`);
  return a.error;
}
function passed(a: Attempt) {
  if (!a.ok) throw new Error(`expected success, got ${a.error.code}: ${a.error.message}`);
  return a.outcome;
}

describe('createAuthenticator', () => {
  const db = useTestDatabase();
  let token: { id: string; secret: string; authorization: string };
  let password: { id: string; secret: string; authorization: string };

  beforeAll(async () => {
    token = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'reader',
      roles: ['atlan:read'],
      environments: ['env-a'],
      policy: { allow: { ownOnly: true } },
    });
    password = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'atlas-admin',
      kind: 'password',
      roles: ['atlas:admin'],
    });
  });

  it('gives the principal of a valid token, with RateLimit headers', async () => {
    const { auth } = authHarness(db());
    const out = passed(await attempt(auth, input(ATLAN, token.authorization)));
    expect(out.principal).toEqual({
      credentialId: token.id,
      tenant: 'acme',
      name: 'reader',
      kind: 'token',
      roles: ['atlan:read'],
      environments: ['env-a'],
      policy: { allow: { ownOnly: true } },
      scheme: 'bearer',
    });
    expect(out.headers).toEqual({
      'RateLimit-Limit': '600',
      'RateLimit-Remaining': '599',
      'RateLimit-Reset': '60',
    });
  });

  it('accepts the scheme name in any case', async () => {
    const { auth } = authHarness(db());
    passed(await attempt(auth, input(ATLAN, `bEaReR ${token.secret}`)));
  });

  it('answers no credentials with 401 and the bearer challenge', async () => {
    const { auth, failures } = authHarness(db());
    const e = failed(await attempt(auth, input(ATOMIC, undefined)));
    expect(e.code).toBe('AQ401');
    expect(e.status).toBe(401);
    expect(e.headers['WWW-Authenticate']).toBe('Bearer realm="audit-gateway"');
    expect(failures).toEqual(['atomic']);
  });

  it('adds error="invalid_token" when a token was sent', async () => {
    const { auth } = authHarness(db());
    for (const header of [
      'Bearer nope',
      'Bearer agw_unknown',
      'Bearer a b',
      `Bearer ${'x'.repeat(513)}`,
    ]) {
      const e = failed(await attempt(auth, input(ATLAN, header)));
      expect(e.code).toBe('AQ401');
      expect(e.headers['WWW-Authenticate']).toBe(
        'Bearer realm="audit-gateway", error="invalid_token"',
      );
    }
  });

  it('sends both challenges, Basic first, on Atlas routes', async () => {
    const { auth } = authHarness(db());
    const e = failed(await attempt(auth, input(ATLAS, undefined)));
    expect(e.headers['WWW-Authenticate']).toBe(
      'Basic realm="audit-gateway", Bearer realm="audit-gateway"',
    );
  });

  it('authenticates Basic only where the route accepts it', async () => {
    const { auth } = authHarness(db());
    const out = passed(await attempt(auth, input(ATLAS, password.authorization)));
    expect(out.principal.name).toBe('atlas-admin');
    expect(out.principal.scheme).toBe('basic');
    const e = failed(await attempt(auth, input(ATOMIC, password.authorization)));
    expect(e.code).toBe('AQ401');
    expect(e.headers['WWW-Authenticate']).toBe('Bearer realm="audit-gateway"');
    // Atlas also takes a token
    expect(passed(await attempt(auth, input(ATLAS, token.authorization))).principal.scheme).toBe(
      'bearer',
    );
  });

  it('answers a wrong password, an unknown name and a malformed header alike', async () => {
    const { auth } = authHarness(db());
    const answers = [
      basic('atlas-admin', 'wrong'),
      basic('nobody', 'x'),
      'Basic !!!',
      `Basic ${Buffer.from('no-colon').toString('base64')}`,
      `Basic ${Buffer.from([0x61, 0x3a, 0xff]).toString('base64')}`,
    ].map(async (h) => failed(await attempt(auth, input(ATLAS, h))));
    const errors = await Promise.all(answers);
    for (const e of errors) {
      expect([e.code, e.status, e.message, e.headers['WWW-Authenticate']]).toEqual([
        errors[0]?.code,
        401,
        errors[0]?.message,
        'Basic realm="audit-gateway", Bearer realm="audit-gateway"',
      ]);
    }
  });

  it('takes everything after the first colon as the password', async () => {
    const c = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'colon',
      kind: 'password',
      roles: ['atlas:admin'],
      secret: 'pass:with:colons ünïcode',
    });
    const { auth } = authHarness(db());
    const out = passed(await attempt(auth, input(ATLAS, c.authorization)));
    expect(out.principal.credentialId).toBe(c.id);
    failed(await attempt(auth, input(ATLAS, basic('colon', 'pass'))));
  });

  it('refuses a revoked token on the next request', async () => {
    const c = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'soon-revoked',
      roles: ['atlan:read'],
    });
    const { auth } = authHarness(db());
    passed(await attempt(auth, input(ATLAN, c.authorization)));
    await revokeCredential(db(), c.id, Date.now());
    const e = failed(await attempt(auth, input(ATLAN, c.authorization)));
    expect(e.headers['WWW-Authenticate']).toBe(
      'Bearer realm="audit-gateway", error="invalid_token"',
    );
  });

  it('never lets the Basic cache outlive a revocation', async () => {
    const c = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'cached',
      kind: 'password',
      roles: ['atlas:admin'],
    });
    const { auth } = authHarness(db());
    passed(await attempt(auth, input(ATLAS, c.authorization)));
    passed(await attempt(auth, input(ATLAS, c.authorization))); // cached now
    await revokeCredential(db(), c.id, Date.now());
    failed(await attempt(auth, input(ATLAS, c.authorization)));
  });

  it('records lastUsedAt in the background', async () => {
    const c = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'used',
      roles: ['atlan:read'],
    });
    const { auth } = authHarness(db());
    passed(await attempt(auth, input(ATLAN, c.authorization)));
    await new Promise((r) => setTimeout(r, 100));
    const row = await findCredentialById(db(), c.id);
    expect(row?.last_used_at?.getTime()).toBe(1_714_557_600_000);
  });
});

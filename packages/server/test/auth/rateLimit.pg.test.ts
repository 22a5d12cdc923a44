import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestCredential, type TestCredential } from '../../test-support/credentials';
import { ATLAN, ATLAS, attempt, authHarness, basic, input } from './authHarness';

describe('rate limits (spec/credentials.md §7)', () => {
  const db = useTestDatabase();
  let reader: TestCredential;
  let pw: TestCredential;

  beforeAll(async () => {
    reader = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'reader',
      roles: ['atlan:read'],
    });
    pw = await createTestCredential(db(), {
      tenant: 'default',
      name: 'pw',
      kind: 'password',
      roles: ['atlas:admin'],
    });
  });

  it('counts each credential against its own budget (case 16)', async () => {
    const { auth, advance } = authHarness(db(), { rateLimit: 3 });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await attempt(auth, input(ATLAN, reader.authorization));
      if (!a.ok) throw a.error;
      expect(a.outcome.headers['RateLimit-Limit']).toBe('3');
      remaining.push(a.outcome.headers['RateLimit-Remaining'] ?? '');
      advance(1_000);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const fourth = await attempt(auth, input(ATLAN, reader.authorization));
    if (fourth.ok) throw new Error('fourth request passed');
    expect(fourth.error.code).toBe('AQ429');
    expect(fourth.error.message).toBe('Too many requests; retry after 57 seconds');
    expect((fourth.error.extra.principal as { credentialId?: string }).credentialId).toBe(
      reader.id,
    );
    expect(fourth.error.headers).toEqual({
      'Retry-After': '57',
      'RateLimit-Limit': '3',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '57',
    });
    // another credential is another key
    const other = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'other',
      roles: ['atlan:read'],
    });
    expect((await attempt(auth, input(ATLAN, other.authorization))).ok).toBe(true);
    // a new window after 60 s
    advance(57_000);
    expect((await attempt(auth, input(ATLAN, reader.authorization))).ok).toBe(true);
  });

  it('limits password guessing per IP and name before any scrypt (case 17)', async () => {
    const { auth } = authHarness(db(), { rateLimit: 600 });
    for (let i = 0; i < 60; i++) {
      const a = await attempt(auth, input(ATLAS, basic('pw', `wrong-${i}`)));
      if (a.ok) throw new Error('wrong password passed');
      expect(a.error.code).toBe('AQ401');
      expect(a.error.headers['RateLimit-Limit']).toBe('60');
      expect(a.error.headers['RateLimit-Remaining']).toBe(String(59 - i));
    }
    const blocked = await attempt(auth, input(ATLAS, basic('pw', 'wrong')));
    expect(!blocked.ok && blocked.error.code).toBe('AQ429');
    expect(!blocked.ok && blocked.error.headers['Retry-After']).toMatch(/^[0-9]+$/);
    // even the right password: no budget, no verification
    const right = await attempt(auth, input(ATLAS, pw.authorization));
    expect(!right.ok && right.error.code).toBe('AQ429');
    // another name is another key; another IP too; a valid token is never blocked by them
    const otherName = await attempt(auth, input(ATLAS, basic('other', 'wrong')));
    expect(!otherName.ok && otherName.error.code).toBe('AQ401');
    expect((await attempt(auth, input(ATLAS, pw.authorization, '10.0.0.2'))).ok).toBe(true);
    expect((await attempt(auth, input(ATLAN, reader.authorization))).ok).toBe(true);
  });

  it('answers a failing Bearer 429 instead of 401 once its IP has no budget left', async () => {
    const { auth } = authHarness(db(), { rateLimit: 20 });
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await attempt(auth, input(ATLAN, 'Bearer nope'));
      codes.push(a.ok ? 'ok' : a.error.code);
    }
    expect(codes).toEqual(['AQ401', 'AQ401', 'AQ429']);
    // missing credentials count against the same (IP, "") key
    const none = await attempt(auth, input(ATLAN, undefined));
    expect(!none.ok && none.error.code).toBe('AQ429');
    expect((await attempt(auth, input(ATLAN, reader.authorization))).ok).toBe(true);
    expect(() => auth.countUnauthenticated('10.0.0.1')).toThrow('Too many requests');
    expect(auth.countUnauthenticated('10.0.0.9')['RateLimit-Remaining']).toBe('1');
  });

  it('is off with AUDIT_GATEWAY_RATE_LIMIT=0: no 429 and no headers', async () => {
    const { auth } = authHarness(db(), { rateLimit: 0 });
    for (let i = 0; i < 5; i++) {
      const a = await attempt(auth, input(ATLAN, reader.authorization));
      expect(a.ok && a.outcome.headers).toEqual({});
    }
    for (let i = 0; i < 5; i++) {
      const a = await attempt(auth, input(ATLAN, 'Bearer nope'));
      expect(!a.ok && [a.error.code, a.error.headers['RateLimit-Limit']]).toEqual([
        'AQ401',
        undefined,
      ]);
    }
    expect(auth.countUnauthenticated('10.0.0.1')).toEqual({});
  });

  it('skips routes that are not rate limited', async () => {
    const { auth } = authHarness(db(), { rateLimit: 1 });
    for (let i = 0; i < 3; i++) {
      const a = await auth.authenticate({
        ...input(ATLAN, reader.authorization),
        rateLimited: false,
      });
      expect(a.headers).toEqual({});
    }
  });
});

describe('parallel password guesses', () => {
  const db = useTestDatabase();

  it('run at most the budget of scrypt checks, however many arrive at once', async () => {
    await createTestCredential(db(), {
      tenant: 'acme',
      name: 'target',
      kind: 'password',
      roles: ['atlas:admin'],
    });
    const { auth } = authHarness(db(), { rateLimit: 60 }); // 6 failures per IP and name
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attempt(auth, input(ATLAS, basic('target', `guess-${i}`))),
      ),
    );
    const codes = results.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'AQ401')).toHaveLength(6);
    expect(codes.filter((c) => c === 'AQ429')).toHaveLength(14);
  });
});

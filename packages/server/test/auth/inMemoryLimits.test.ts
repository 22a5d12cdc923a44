/** The per-replica memory bounds of spec/credentials.md §5.3 and §7.1, and header parsing. */
import { BasicVerificationCache } from '../../src/auth/basicVerificationCache';
import { challenge } from '../../src/auth/challenges';
import { parseAuthorization } from '../../src/auth/parseAuthorization';
import { RateLimiter, rateLimitHeaders } from '../../src/auth/rateLimiter';

describe('RateLimiter', () => {
  it('opens a 60 s window at the first counted request and reports whole seconds, at least 1', () => {
    let now = 0;
    const l = new RateLimiter(() => now);
    expect(rateLimitHeaders(l.hit('k', 2))).toEqual({
      'RateLimit-Limit': '2',
      'RateLimit-Remaining': '1',
      'RateLimit-Reset': '60',
    });
    now = 59_500;
    const second = l.hit('k', 2);
    expect([second.allowed, second.remaining, second.resetSeconds]).toEqual([true, 0, 1]);
    expect(l.hit('k', 2).allowed).toBe(false);
    now = 60_000;
    expect(l.hit('k', 2)).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 60 });
  });

  it('keeps at most maxKeys live keys, dropping expired windows first, then the oldest', () => {
    let now = 0;
    const l = new RateLimiter(() => now, 60_000, 3);
    l.hit('old', 1);
    now = 30_000;
    l.hit('a', 1);
    l.hit('b', 1);
    now = 61_000; // 'old' has expired
    l.hit('c', 1);
    expect(l.size).toBe(3);
    expect(l.peek('a', 1).allowed).toBe(false); // still counted
    l.hit('d', 1); // full of live keys: the oldest ('a') goes
    expect(l.size).toBe(3);
    expect(l.peek('a', 1).allowed).toBe(true);
    expect(l.peek('d', 1).allowed).toBe(false);
  });
});

describe('BasicVerificationCache', () => {
  it('holds a pair for 60 s, for its credential only, and never more than maxEntries', () => {
    let now = 0;
    const c = new BasicVerificationCache(() => now, 60_000, 2);
    c.add('n', 'p', 'id-1');
    expect(c.holds('n', 'p', 'id-1')).toBe(true);
    expect(c.holds('n', 'p', 'id-2')).toBe(false);
    expect(c.holds('n', 'q', 'id-1')).toBe(false);
    // length prefixes: ("a:b","c") and ("a","b:c") are different pairs
    c.add('a:b', 'c', 'id-3');
    expect(c.holds('a', 'b:c', 'id-3')).toBe(false);
    c.add('x', 'y', 'id-4');
    expect(c.size).toBe(2);
    expect(c.holds('n', 'p', 'id-1')).toBe(false); // the oldest went first
    now = 60_000;
    expect(c.holds('x', 'y', 'id-4')).toBe(false);
  });
});

describe('parseAuthorization', () => {
  it.each([
    [undefined, { scheme: 'none' }],
    ['', { scheme: 'none' }],
    ['Digest abc', { scheme: 'other' }],
    ['Bearer', { scheme: 'bearer', token: undefined }],
    ['Bearer a.b~c+d/e-f==', { scheme: 'bearer', token: 'a.b~c+d/e-f==' }],
    ['bearer =abc', { scheme: 'bearer', token: undefined }],
    ['Basic YTpiOmM=', { scheme: 'basic', pair: { name: 'a', password: 'b:c' } }],
    ['BASIC YTo=', { scheme: 'basic', pair: { name: 'a', password: '' } }],
    ['Basic YWJj', { scheme: 'basic', pair: undefined }], // "abc": no colon
    ['Basic YTpi', { scheme: 'basic', pair: { name: 'a', password: 'b' } }],
    ['Basic YTpi=', { scheme: 'basic', pair: undefined }], // not strict base64
    ['Basic YT pi', { scheme: 'basic', pair: undefined }],
  ])('%j', (header, parsed) => {
    expect(parseAuthorization(header)).toEqual(parsed);
  });
});

describe('challenge', () => {
  it('names one realm, Basic first, and invalid_token only on Bearer', () => {
    expect(challenge(['bearer'], false)).toBe('Bearer realm="audit-gateway"');
    expect(challenge(['basic', 'bearer'], true)).toBe(
      'Basic realm="audit-gateway", Bearer realm="audit-gateway", error="invalid_token"',
    );
  });
});

import { randomBytes } from 'node:crypto';
import { AuditError } from '@audit-gateway/ir';
import { applyCursor } from '../src/applyCursor';
import { decodeCursor, encodeCursor } from '../src/cursorCodec';
import type { CursorPayload } from '../src/cursorPayload';
import { parseAtomicParams } from '../src/parseAtomicParams';

const KEY = randomBytes(32);
const OLD_KEY = randomBytes(32);
const payload: CursorPayload = {
  v: 1,
  t: 'acme',
  e: 'env-a',
  o: 'desc',
  f: { authType: 'workbench', to: 1717200000000, status: [404, '5xx'] },
  k: ['1714557605000', '81'],
  i: 1714600000000,
};

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof AuditError) return e.code;
    throw e;
  }
  return 'ok';
}

describe('cursor codec (§7)', () => {
  const c1 = encodeCursor(payload, [KEY]);

  it('round-trips and needs no percent-encoding', () => {
    expect(c1).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(decodeCursor(c1, [KEY])).toEqual(payload);
  });

  it('the first key signs and every key verifies (rotation)', () => {
    const old = encodeCursor(payload, [OLD_KEY]);
    expect(decodeCursor(old, [KEY, OLD_KEY])).toEqual(payload);
    expect(decodeCursor(encodeCursor(payload, [KEY, OLD_KEY]), [KEY])).toEqual(payload);
    expect(codeOf(() => decodeCursor(old, [KEY]))).toBe('AQ120');
  });

  it('case 17: tampered cursors are AQ120', () => {
    const [body = '', mac = ''] = c1.split('.');
    const flipped = body.slice(0, 5) + (body[5] === 'A' ? 'B' : 'A') + body.slice(6);
    const other = encodeCursor({ ...payload, k: ['1714557605000', '80'] }, [KEY]).split('.')[1];
    const tampered = [
      `${flipped}.${mac}`,
      `${body}.${other}`,
      c1.slice(0, -1),
      'abc',
      'a'.repeat(5000),
      encodeCursor(payload, [randomBytes(32)]),
      '',
      `${body}.${mac}.x`,
      `${body}.${mac}=`,
    ];
    for (const t of tampered)
      expect([t.slice(0, 20), codeOf(() => decodeCursor(t, [KEY]))]).toEqual([
        t.slice(0, 20),
        'AQ120',
      ]);
  });

  it('a signed payload of the wrong shape is AQ120 (unknown v, bad key, unknown filter)', () => {
    const bad = [
      { ...payload, v: 2 },
      { ...payload, k: ['1', '2', '3'] },
      { ...payload, o: 'asc' },
      { ...payload, f: { colour: 'red' } },
      { ...payload, f: { method: ['get'] } },
      { ...payload, k: ['12345678901234567', '1'] },
    ];
    for (const p of bad) {
      expect(codeOf(() => decodeCursor(encodeCursor(p as CursorPayload, [KEY]), [KEY]))).toBe(
        'AQ120',
      );
    }
  });
});

describe('applyCursor (§4.4, §7.3 steps 4 and 5)', () => {
  const where = { tenant: 'acme', environment: 'env-a' };

  it('absent filters and order are inherited; limit is not bound', () => {
    const listing = applyCursor(parseAtomicParams([['limit', '3']]), payload, where);
    expect(listing).toEqual({ order: 'desc', filters: payload.f, limit: 3, key: payload.k });
  });

  it('present filters must equal the bound values after normalisation', () => {
    const same = parseAtomicParams([
      ['authType', 'workbench'],
      ['to', '2024-06-01T00:00:00Z'],
      ['status', '5XX,404'],
    ]);
    expect(applyCursor(same, payload, where).filters).toEqual(payload.f);
  });

  it('case 18/20: a differing filter or order is AQ121 naming it', () => {
    let err: unknown;
    try {
      applyCursor(
        parseAtomicParams([
          ['authType', 'client'],
          ['order', 'asc'],
        ]),
        payload,
        where,
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AuditError);
    expect((err as AuditError).code).toBe('AQ121');
    expect((err as AuditError).message).toContain('authType');
    expect((err as AuditError).message).toContain('order');
    expect(codeOf(() => applyCursor(parseAtomicParams([['from', '0']]), payload, where))).toBe(
      'AQ121',
    );
  });

  it('case 19: another tenant or environment is AQ120', () => {
    const p = parseAtomicParams([]);
    expect(codeOf(() => applyCursor(p, payload, { tenant: 'globex', environment: 'env-a' }))).toBe(
      'AQ120',
    );
    expect(codeOf(() => applyCursor(p, payload, { tenant: 'acme', environment: 'env-b' }))).toBe(
      'AQ120',
    );
  });
});

describe('positions and instants before 1970', () => {
  it('round-trip', () => {
    const old: CursorPayload = {
      ...payload,
      f: { from: -86_400_000, to: -1 },
      k: ['-86400000', '5'],
    };
    expect(decodeCursor(encodeCursor(old, [KEY]), [KEY])).toEqual(old);
    const where = { tenant: 'acme', environment: 'env-a' };
    const sent = parseAtomicParams([['from', '1969-12-31']]);
    expect(applyCursor(sent, old, where).filters).toEqual(old.f);
  });
});

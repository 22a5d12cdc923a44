/**
 * Secrets and their stored forms (spec/credentials.md §1.5): tokens are stored as their SHA-256,
 * passwords with scrypt. Random bytes come from the OS CSPRNG; digests are compared in constant time.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** RFC 6750 b64token */
export const B64TOKEN = /^[A-Za-z0-9._~+/-]+=*$/;

export function generateToken(): string {
  return `agw_${randomBytes(32).toString('base64url')}`;
}

export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Both are hex SHA-256 digests; a length mismatch is never a match. */
export function digestsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

const LOG_N = 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(
  password: string,
  salt: Buffer,
  logN: number,
  r: number,
  p: number,
  keyLength: number,
) {
  // 128 · N · r bytes are needed: N = 2^15, r = 8 is exactly Node's 32 MiB default maxmem, so raise it
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r + 1024 * 1024 };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$15$8$1$<salt>$<key>`: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, LOG_N, R, P, KEY_LENGTH);
  return `scrypt$${LOG_N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

const HASH_FORM =
  /^scrypt\$([0-9]{1,2})\$([0-9]{1,3})\$([0-9]{1,3})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = HASH_FORM.exec(stored);
  if (!m) return false;
  const [, logN, r, p, salt, key] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    Number(logN),
    Number(r),
    Number(p),
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}

/**
 * Checked when no credential has the name, so an unknown name costs one scrypt like a known one
 * (spec/credentials.md §5.3). Made once per process with the same parameters; no password matches
 * it in practice, and it is never compared with a result's truth anyway.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
  return dummyHash;
}

/**
 * The signed cursor `<body>.<mac>` (spec/atomic-audit-log.md §7.1, §7.3): base64url (no padding) of
 * compact JSON, and base64url of HMAC-SHA256 over the ASCII body. Signed, not encrypted: it carries
 * only what the caller may see. The first key signs; every key verifies, so keys can be rotated by
 * prepending a new one.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuditError } from '@audit-gateway/ir';
import { checkPayload, type CursorPayload } from './cursorPayload';

export const MAX_CURSOR_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** One text for every verification step, so a probe learns nothing about which step failed. */
export function invalidCursor(): AuditError {
  return new AuditError('AQ120', 'the cursor is not valid for this request');
}

function mac(key: Buffer, body: string): Buffer {
  return createHmac('sha256', key).update(body, 'ascii').digest();
}

export function encodeCursor(payload: CursorPayload, keys: readonly Buffer[]): string {
  const signing = keys[0];
  if (!signing) throw AuditError.bug('no cursor signing key');
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${mac(signing, body).toString('base64url')}`;
}

export function decodeCursor(token: string, keys: readonly Buffer[]): CursorPayload {
  if (token.length > MAX_CURSOR_LENGTH) throw invalidCursor();
  const parts = token.split('.');
  const [body, sig] = parts;
  if (parts.length !== 2 || !body || !sig || !BASE64URL.test(body) || !BASE64URL.test(sig)) {
    throw invalidCursor();
  }
  const given = Buffer.from(sig, 'base64url');
  // re-encoding must give the same text: rejects non-canonical base64url (stray trailing bits)
  if (given.toString('base64url') !== sig) throw invalidCursor();
  const verified = keys.some((key) => {
    const expected = mac(key, body);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!verified) throw invalidCursor();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const payload = checkPayload(json);
  if (!payload) throw invalidCursor();
  return payload;
}

/**
 * Key-based redaction of recorded `query` and `payload` (spec/atomic-audit-log.md §9.6). A key is
 * secret when its normalised form (lower case, without `-`, `_`, `.` and spaces) contains one of
 * the words below; its whole value becomes "[REDACTED]", at any depth, inside arrays too.
 * Over-matching is accepted (`maxTokens` is redacted): a leaked secret costs more than a hidden
 * harmless value. Values themselves are never inspected.
 */
export const REDACTED = '[REDACTED]';

const SECRET_WORDS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'authorization',
  'cookie',
  'credential',
  'privatekey',
  'sessionid',
  'signature',
];

/** Deeper than any body the server accepts (128 levels): the walk stops instead of recursing on. */
const MAX_DEPTH = 256;

export function isSecretKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[-_. ]/g, '');
  return SECRET_WORDS.some((w) => normalised.includes(w));
}

export class TooDeepError extends Error {
  override name = 'TooDeepError';
}

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new TooDeepError('value nested too deeply to record');
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  // fromEntries defines own properties, so a key named "__proto__" stays a plain key
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      isSecretKey(k) ? REDACTED : redactSecrets(v, depth + 1),
    ]),
  );
}

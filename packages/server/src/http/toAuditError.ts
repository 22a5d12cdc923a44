/**
 * Turns anything thrown into an AuditError (STYLE §3.9). The database being unreachable is the one
 * condition that gives AQ503 (SQLSTATE class 08, 57P01–57P03, or no connection to be had);
 * everything else unknown, a statement timeout included, is AQ500. The original is kept as `cause`
 * for the log and never rendered.
 */
import { AuditError } from '@audit-gateway/ir';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; name?: unknown; errors?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (
    code.startsWith('08') ||
    ['57P01', '57P02', '57P03'].includes(code) ||
    NETWORK_CODES.has(code)
  )
    return true;
  const message = typeof e.message === 'string' ? e.message : '';
  if (
    e.name === 'KnexTimeoutError' ||
    /Timeout acquiring a connection|Connection terminated|connect ECONNREFUSED/i.test(message)
  )
    return true;
  // AggregateError from `pg` when every address refused
  if (Array.isArray(e.errors)) return e.errors.some(isDatabaseUnavailable);
  return false;
}

export function toAuditError(err: unknown): AuditError {
  if (AuditError.is(err)) return err;
  if (isDatabaseUnavailable(err)) {
    return new AuditError('AQ503', 'database unavailable', {
      cause: err,
      headers: { 'Retry-After': '5' },
    });
  }
  return new AuditError('AQ500', 'internal error', { cause: err });
}

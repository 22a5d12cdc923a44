/**
 * WWW-Authenticate for a 401 (spec/credentials.md §5.1): one realm everywhere, Basic first on
 * routes that take both, and `error="invalid_token"` when a Bearer token was sent and failed.
 * Two challenges travel as one comma-separated field, which the spec allows.
 */
import type { AuthScheme } from '../app/types';

export const REALM = 'audit-gateway';

export function challenge(schemes: readonly AuthScheme[], invalidToken: boolean): string {
  const parts: string[] = [];
  if (schemes.includes('basic')) parts.push(`Basic realm="${REALM}"`);
  if (schemes.includes('bearer'))
    parts.push(`Bearer realm="${REALM}"${invalidToken ? ', error="invalid_token"' : ''}`);
  return parts.join(', ');
}

/**
 * The Idempotency-Key header (spec/ingest.md §4.6): 1 to 255 visible ASCII characters, optionally
 * in the structured-field string form ("…"), which is unquoted first.
 */
import { AuditError } from '@audit-gateway/ir';

const VISIBLE = /^[\x21-\x7e]{1,255}$/;

/** undefined when no key was sent; throws AQ151 for a malformed one. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  let value = header.trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  if (!VISIBLE.test(value)) {
    throw new AuditError(
      'AQ151',
      'The Idempotency-Key header must be 1 to 255 visible ASCII characters (0x21 to 0x7E)',
    );
  }
  return value;
}

/**
 * The ingest checks that come before the media type and the body (spec/ingest.md §4.1 steps 3–5): no query
 * parameters, a well-formed Idempotency-Key, and no Content-Encoding (compressed bodies would make
 * the 16 MiB limit meaningless). Media type and charset are checked by the pipeline from the route.
 */
import { AuditError } from '@audit-gateway/ir';
import type { RequestHead } from '../app/types';
import { parseIdempotencyKey } from './idempotencyKeyHeader';

export const INGEST_MEDIA_TYPES = [
  'application/json',
  'application/x-ndjson',
  'application/ndjson',
];

export function checkIngestRequest(req: RequestHead): void {
  if (req.query.length > 0) {
    const names = [...new Set(req.query.map(([k]) => k))].join(', ');
    throw new AuditError('AQ140', `The ingest API accepts no query parameters; got ${names}`);
  }
  parseIdempotencyKey(req.headers['idempotency-key']);
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    throw new AuditError(
      'AQ415',
      `Content-Encoding ${encoding} is not accepted; send the body uncompressed`,
    );
  }
}

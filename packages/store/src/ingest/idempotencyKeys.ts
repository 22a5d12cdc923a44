/**
 * The Idempotency-Key store (spec/ingest.md §4.6): (tenant, path, key) → body hash and the 200 body,
 * written in the batch's own transaction so a key exists exactly when its batch committed. Keys are
 * honoured for 24 hours; an expired row is overwritten by the next use of the key.
 */
import type { Knex } from 'knex';
import type { IngestCounts, IdempotencyRequest } from './ingestTypes';
import { advisoryLockKey } from './naturalKeys';

export type KeyLookup =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'same'; readonly response: IngestCounts }
  | { readonly kind: 'different' };

const RETENTION = "interval '24 hours'";

export async function lookupIdempotencyKey(
  db: Knex | Knex.Transaction,
  tenant: string,
  req: IdempotencyRequest,
): Promise<KeyLookup> {
  const { rows } = await db.raw<{ rows: { body_sha256: Buffer; response: IngestCounts }[] }>(
    `SELECT body_sha256, response FROM idempotency_keys
     WHERE tenant = ? AND path = ? AND key = ? AND created_at > now() - ${RETENTION}`,
    [tenant, req.path, req.key],
  );
  const row = rows[0];
  if (!row) return { kind: 'unknown' };
  return row.body_sha256.equals(req.bodySha256)
    ? { kind: 'same', response: row.response }
    : { kind: 'different' };
}

/** False when another transaction holds the key: that request is still running. */
export async function tryLockIdempotencyKey(
  trx: Knex.Transaction,
  tenant: string,
  req: IdempotencyRequest,
): Promise<boolean> {
  const { rows } = await trx.raw<{ rows: { locked: boolean }[] }>(
    'SELECT pg_try_advisory_xact_lock(?::bigint) AS locked',
    [advisoryLockKey('idempotency', tenant, req.path, req.key)],
  );
  return rows[0]?.locked === true;
}

export async function storeIdempotencyKey(
  trx: Knex.Transaction,
  tenant: string,
  req: IdempotencyRequest,
  response: IngestCounts,
): Promise<void> {
  await trx.raw(
    `INSERT INTO idempotency_keys (tenant, path, key, body_sha256, response, created_at)
     VALUES (?, ?, ?, ?, ?::jsonb, now())
     ON CONFLICT (tenant, path, key) DO UPDATE
       SET body_sha256 = excluded.body_sha256, response = excluded.response,
           created_at = excluded.created_at
       WHERE idempotency_keys.created_at <= now() - ${RETENTION}`,
    [tenant, req.path, req.key, req.bodySha256, JSON.stringify(response)],
  );
}

/**
 * Serialises concurrent batches on the same guids (spec/ingest.md §6.2) with transaction-scoped
 * advisory locks taken in ascending key order, once per key, so they cannot deadlock on them.
 * The key is (tenant, one of 1,024 buckets of the guid) rather than (tenant, guid): one batch may
 * touch 100,000 guids (a large purge), and that many locks would exhaust PostgreSQL's shared lock
 * table. A bucket is a coarser lock with the same guarantee: one guid always maps to one bucket.
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { advisoryLockKey } from './naturalKeys';
import { pgArrayLiteral } from './pgArrayLiteral';

export const ENTITY_LOCK_BUCKETS = 1024;

function bucketOf(guid: string): number {
  return createHash('sha256').update(guid, 'utf8').digest().readUInt16BE(0) % ENTITY_LOCK_BUCKETS;
}

export async function lockEntities(
  trx: Knex.Transaction,
  tenant: string,
  guids: Iterable<string>,
): Promise<void> {
  const buckets = new Set<number>();
  for (const g of guids) buckets.add(bucketOf(g));
  if (buckets.size === 0) return;
  const keys = [...buckets].map((b) => BigInt(advisoryLockKey('entity', tenant, String(b))));
  keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // unnest yields the array in order, and the aggregate makes every call happen in that order
  await trx.raw('SELECT count(pg_advisory_xact_lock(k)) FROM unnest(?::bigint[]) AS k', [
    pgArrayLiteral(keys.map(String)),
  ]);
}

/**
 * Serialises concurrent batches on the same guids (spec/ingest.md §6.2): one transaction-scoped
 * advisory lock per (tenant, guid), taken in ascending key order and once per key, so two batches
 * touching the same guids always queue in the same order and cannot deadlock on these locks.
 */
import type { Knex } from 'knex';
import { advisoryLockKey } from './naturalKeys';
import { pgArrayLiteral } from './pgArrayLiteral';

export async function lockEntities(
  trx: Knex.Transaction,
  tenant: string,
  guids: Iterable<string>,
): Promise<void> {
  const keys = [...new Set([...guids].map((g) => BigInt(advisoryLockKey('entity', tenant, g))))];
  if (keys.length === 0) return;
  keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // unnest yields the array in order, and the aggregate forces every call in that order
  await trx.raw('SELECT count(pg_advisory_xact_lock(k)) FROM unnest(?::bigint[]) AS k', [
    pgArrayLiteral(keys.map(String)),
  ]);
}

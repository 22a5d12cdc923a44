/** Reads back what the write path stored, straight from the tables. */
import type { Knex } from 'knex';
import { ingestBatch } from '../../src/ingest/ingestBatch';
import type { IngestBatchRecords, IngestCounts } from '../../src/ingest/ingestTypes';

export async function ingest(
  db: Knex,
  tenant: string,
  batch: IngestBatchRecords,
): Promise<IngestCounts> {
  const out = await ingestBatch(db, { tenant, batch });
  if (out.kind !== 'stored') throw new Error(`unexpected outcome ${out.kind}`);
  return out.counts;
}

export async function entityRow(
  db: Knex,
  tenant: string,
  guid: string,
): Promise<Record<string, unknown> | undefined> {
  const { rows } = await db.raw<{ rows: Record<string, unknown>[] }>(
    'SELECT * FROM entities WHERE tenant = ? AND guid = ?',
    [tenant, guid],
  );
  return rows[0];
}

export async function entityEvents(
  db: Knex,
  tenant: string,
  where: { entityId?: string; action?: string } = {},
): Promise<Record<string, unknown>[]> {
  const { rows } = await db.raw<{ rows: Record<string, unknown>[] }>(
    `SELECT *, (extract(epoch FROM occurred_at) * 1000)::bigint AS ts,
       (extract(epoch FROM recorded_at) * 1000)::bigint AS created
     FROM audit_events WHERE tenant = ? AND family = 'entity'
       AND (?::text IS NULL OR entity_id = ?) AND (?::text IS NULL OR action = ?)
     ORDER BY seq`,
    [
      tenant,
      where.entityId ?? null,
      where.entityId ?? null,
      where.action ?? null,
      where.action ?? null,
    ],
  );
  return rows;
}

export async function countRows(db: Knex, tenant: string, family: string): Promise<number> {
  const { rows } = await db.raw<{ rows: { n: string }[] }>(
    'SELECT count(*) AS n FROM audit_events WHERE tenant = ? AND family = ?',
    [tenant, family],
  );
  return Number(rows[0]?.n);
}

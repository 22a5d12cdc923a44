/**
 * Test rows for audit_events: a partial canonical row (camelCase, dates as epoch ms) with the
 * NOT NULL columns filled in. `key` becomes natural_key, so tests name rows without relying on seq.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { fieldsOf, type CanonicalRow, type Family, type JsonValue } from '@audit-gateway/ir';

type ValueField = Exclude<
  keyof CanonicalRow,
  'seq' | 'txid' | 'family' | 'tenant' | 'generation' | 'detailVisible'
>;

/** A finite set of keys (no index signature), so `Omit<EventRow, 'tenant'>` keeps the others. */
export type EventRow = {
  readonly key: string;
  readonly family: Family;
  readonly tenant?: string;
  readonly generation?: number;
} & { readonly [F in ValueField]?: JsonValue };

const DEFAULT_TENANT = 't1';

function toColumns(row: EventRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: randomUUID(),
    natural_key: row.key,
    tenant: row.tenant ?? DEFAULT_TENANT,
    family: row.family,
    generation: row.generation ?? 1,
    occurred_at: new Date(0).toISOString(),
    recorded_at: row.family === 'admin' ? null : new Date(0).toISOString(),
    environment: row.family === 'request' ? 'env1' : null,
  };
  for (const spec of fieldsOf(row.family)) {
    const v = (row as Readonly<Record<string, JsonValue | undefined>>)[spec.name];
    if (v === undefined || spec.name === 'seq' || spec.name === 'txid') continue;
    if (spec.kind === 'date')
      out[spec.column] = v === null ? null : new Date(v as number).toISOString();
    else if (spec.kind === 'json') out[spec.column] = v === null ? null : JSON.stringify(v);
    else out[spec.column] = v;
  }
  return out;
}

/** Inserts in order (so seq follows the array) in one statement; returns the seqs as strings. */
export async function insertEvents(db: Knex, rows: readonly EventRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db('audit_events')
    .insert(rows.map(toColumns))
    .returning<{ seq: string }[]>('seq');
  return inserted.map((r) => r.seq);
}

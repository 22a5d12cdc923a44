/**
 * Writes a batch of event rows with one multi-row statement: every column travels as one array
 * parameter and is unnested in request order, so `seq` follows the request and a batch of 10,000
 * rows is one round trip. ON CONFLICT on (tenant, family, natural_key) makes retries harmless; a row
 * that RETURNING does not give back was a duplicate (spec/ingest.md §4.5).
 */
import type { Knex } from 'knex';
import { EVENT_COLUMN_TYPES, type EventColumn, type EventRow } from './eventColumns';
import { pgArrayLiteral } from './pgArrayLiteral';
import { uuidv7 } from '../uuidv7';

export type EventFamily = 'entity' | 'admin' | 'request';

export interface InsertEventsInput {
  readonly tenant: string;
  readonly family: EventFamily;
  readonly generation: number;
  /** distinct natural keys, in the order they must get their seq */
  readonly rows: readonly EventRow[];
}

/** natural_key → seq of every row this statement inserted. */
export async function insertEvents(
  trx: Knex.Transaction,
  input: InsertEventsInput,
): Promise<Map<string, string>> {
  const inserted = new Map<string, string>();
  const first = input.rows[0];
  if (!first) return inserted;
  const columns = Object.keys(first) as EventColumn[];
  const now = Date.now();
  const ids = input.rows.map(() => uuidv7(now));
  const unnestArgs = ['?::uuid[]', ...columns.map((c) => `?::${EVENT_COLUMN_TYPES[c]}[]`)];
  const bindings: (string | number)[] = [input.tenant, input.family, input.generation];
  bindings.push(pgArrayLiteral(ids));
  for (const c of columns) bindings.push(pgArrayLiteral(input.rows.map((r) => r[c] ?? null)));
  const names = columns.map((c) => `"${c}"`);
  const sql = `INSERT INTO audit_events (id, tenant, family, generation, ${names.join(', ')})
    SELECT u.id, ?, ?, ?, ${names.map((n) => `u.${n}`).join(', ')}
    FROM unnest(${unnestArgs.join(', ')}) WITH ORDINALITY AS u(id, ${names.join(', ')}, ord)
    ORDER BY u.ord
    ON CONFLICT (tenant, family, natural_key) DO NOTHING
    RETURNING seq, natural_key`;
  // the tenant/family/generation bindings come first in the text, then the arrays
  const result = await trx.raw<{ rows: { seq: string; natural_key: string }[] }>(sql, bindings);
  for (const row of result.rows) inserted.set(row.natural_key, row.seq);
  return inserted;
}

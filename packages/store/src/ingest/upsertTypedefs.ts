/**
 * Type definitions are state (spec/ingest.md §5.5): keyed by (category, name), an identical record
 * (RFC 8785 equality) is a duplicate and a different one replaces the stored definition. Records
 * are applied in request order against what is stored, then written in one statement.
 */
import type { Knex } from 'knex';
import { canonicalJson } from './canonicalJson';
import type { IngestCounts, JsonObject, TypedefRecord } from './ingestTypes';

export async function upsertTypedefs(
  trx: Knex.Transaction,
  tenant: string,
  records: readonly TypedefRecord[],
): Promise<IngestCounts> {
  if (records.length === 0) return { ingested: 0, duplicates: 0 };
  const { rows } = await trx.raw<{
    rows: { category: string; name: string; definition: JsonObject }[];
  }>(
    `SELECT category, name, definition FROM typedefs
     WHERE tenant = ? AND (category, name) IN (SELECT * FROM jsonb_to_recordset(?::jsonb) AS k(category text, name text))
     FOR UPDATE`,
    [tenant, JSON.stringify(records.map((r) => ({ category: r.category, name: r.name })))],
  );
  const key = (category: string, name: string): string => JSON.stringify([category, name]);
  const current = new Map(rows.map((r) => [key(r.category, r.name), canonicalJson(r.definition)]));
  const changed = new Map<string, TypedefRecord>();
  let ingested = 0;
  for (const r of records) {
    const k = key(r.category, r.name);
    const text = canonicalJson(r.definition);
    if (current.get(k) === text) continue;
    current.set(k, text);
    changed.set(k, r);
    ingested++;
  }
  if (changed.size > 0) {
    await trx.raw(
      `INSERT INTO typedefs (tenant, category, name, definition, updated_at)
       SELECT ?, x.category, x.name, x.definition, now()
       FROM jsonb_to_recordset(?::jsonb) AS x(category text, name text, definition jsonb)
       ON CONFLICT (tenant, category, name)
       DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`,
      [tenant, JSON.stringify([...changed.values()])],
    );
  }
  return { ingested, duplicates: records.length - ingested };
}

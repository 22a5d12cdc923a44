/**
 * Entity headers (spec/ingest.md §5.6): one per guid, the one with the greatest updateTime; a header
 * without updateTime ranks below every one that has one; on a tie the last ingested wins unless it
 * is identical. Returns the counts and the guids whose stored header changed (they are refolded).
 */
import type { Knex } from 'knex';
import { canonicalJson } from './canonicalJson';
import type { EntityHeaderRecord, IngestCounts, JsonObject } from './ingestTypes';
import { pgArrayLiteral } from './pgArrayLiteral';

interface Held {
  updateTime: number | null;
  text: string;
  header: JsonObject;
}

/** -1: older (keep stored), 0: same rank, 1: newer. */
function rank(incoming: number | null, stored: number | null): number {
  if (incoming === stored) return 0;
  if (incoming === null) return -1;
  if (stored === null) return 1;
  return incoming > stored ? 1 : -1;
}

export async function upsertEntityHeaders(
  trx: Knex.Transaction,
  tenant: string,
  records: readonly EntityHeaderRecord[],
): Promise<{ counts: IngestCounts; changed: Set<string> }> {
  const changed = new Set<string>();
  if (records.length === 0) return { counts: { ingested: 0, duplicates: 0 }, changed };
  const { rows } = await trx.raw<{
    rows: { guid: string; header: JsonObject; update_time: string | null }[];
  }>(
    'SELECT guid, header, update_time FROM entity_headers WHERE tenant = ? AND guid = ANY(?::text[]) FOR UPDATE',
    [tenant, pgArrayLiteral([...new Set(records.map((r) => r.guid))])],
  );
  const held = new Map<string, Held>(
    rows.map((r) => [
      r.guid,
      {
        updateTime: r.update_time === null ? null : Number(r.update_time),
        text: canonicalJson(r.header),
        header: r.header,
      },
    ]),
  );
  let ingested = 0;
  for (const r of records) {
    const stored = held.get(r.guid);
    const text = canonicalJson(r.header);
    if (stored) {
      const order = rank(r.updateTime, stored.updateTime);
      if (order < 0 || (order === 0 && stored.text === text)) continue;
    }
    held.set(r.guid, { updateTime: r.updateTime, text, header: r.header });
    changed.add(r.guid);
    ingested++;
  }
  if (changed.size > 0) {
    const out = [...changed].map((guid) => {
      const h = held.get(guid)!;
      return { guid, header: h.header, update_time: h.updateTime };
    });
    await trx.raw(
      `INSERT INTO entity_headers (tenant, guid, header, update_time)
       SELECT ?, x.guid, x.header, x.update_time
       FROM jsonb_to_recordset(?::jsonb) AS x(guid text, header jsonb, update_time bigint)
       ON CONFLICT (tenant, guid)
       DO UPDATE SET header = excluded.header, update_time = excluded.update_time`,
      [tenant, JSON.stringify(out)],
    );
  }
  return { counts: { ingested, duplicates: records.length - ingested }, changed };
}

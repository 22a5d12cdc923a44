/**
 * The fast loader for 1M/10M-event runs (`--loader copy`): every record becomes its audit_events row
 * (the store's own row mapping and natural keys) and goes in with COPY, one stream per family.
 * What it does NOT do, unlike ingestBatch: no derived ENTITY_PURGE events, and the entity state is
 * approximated afterwards by each entity's latest event (type, qualified name, attributes of its
 * detail), which is what entityDetail's join reads. Duplicate natural keys in the input would fail
 * the COPY; the generator writes none.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  EVENT_COLUMN_TYPES,
  atlanEventRow,
  atlasEventRow,
  atomicEventRow,
  uuidv7,
  type EventColumn,
  type EventRow,
} from '@audit-gateway/store';
import type { Knex } from 'knex';
import { csvLine } from '../workloads/copyCsv';
import type { DatasetFiles, EventFamilyName } from './findDatasetFiles';
import type { LoadResult } from './loadDataset';
import { readNdjsonBatches, type JsonRecord } from './readNdjson';
import { toAtlanRecord, toAtlasEntry, toAtomicEntry } from './toStoreRecords';

const COLUMNS = Object.keys(EVENT_COLUMN_TYPES) as EventColumn[];

const ROW: Record<EventFamilyName, { family: string; row: (r: JsonRecord) => EventRow }> = {
  atlan: { family: 'entity', row: (r) => atlanEventRow(toAtlanRecord(r)) },
  atlas: { family: 'admin', row: (r) => atlasEventRow(toAtlasEntry(r)) },
  atomic: { family: 'request', row: (r) => atomicEventRow(toAtomicEntry(r)) },
};

/** Latest event per entity → its current state, as far as one event tells it. */
const APPROXIMATE_STATE = `INSERT INTO entities (tenant, guid, type_name, qualified_name, status,
    created_by, updated_by, attributes, create_time, update_time, last_timestamp, last_created, last_seq)
  SELECT DISTINCT ON (entity_id) tenant, entity_id, type_name, entity_qualified_name,
    CASE WHEN action IN ('ENTITY_DELETE', 'ENTITY_IMPORT_DELETE') THEN 'DELETED' ELSE 'ACTIVE' END,
    actor, actor, CASE WHEN jsonb_typeof(detail -> 'attributes') = 'object' THEN detail -> 'attributes' END,
    (extract(epoch FROM occurred_at) * 1000)::bigint, (extract(epoch FROM occurred_at) * 1000)::bigint,
    (extract(epoch FROM occurred_at) * 1000)::bigint, (extract(epoch FROM recorded_at) * 1000)::bigint, seq
  FROM audit_events
  WHERE tenant = ? AND family = 'entity' AND action <> 'ENTITY_PURGE'
  ORDER BY entity_id, occurred_at DESC, recorded_at DESC, seq DESC
  ON CONFLICT (tenant, guid) DO NOTHING`;

async function copyFamily(
  client: Client,
  tenant: string,
  generation: number,
  name: EventFamilyName,
  files: readonly string[],
  envCounts: Map<string, number>,
): Promise<number> {
  let n = 0;
  const { family, row } = ROW[name];
  const now = Date.now();
  async function* lines() {
    for await (const batch of readNdjsonBatches(files, 5000)) {
      let chunk = '';
      for (const r of batch) {
        if (name === 'atomic') {
          const env = String(r.environmentId);
          envCounts.set(env, (envCounts.get(env) ?? 0) + 1);
        }
        chunk += csvLine([uuidv7(now), tenant, family, generation], row(r), COLUMNS);
        n++;
      }
      yield chunk;
    }
  }
  const sql = `COPY audit_events (id, tenant, family, generation, ${COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  await pipeline(Readable.from(lines()), client.query(copyFrom(sql)));
  return n;
}

export async function copyDataset(
  db: Knex,
  databaseUrl: string,
  tenant: string,
  files: DatasetFiles,
  log: (line: string) => void,
): Promise<LoadResult> {
  const started = performance.now();
  const { rows } = await db.raw<{ rows: { g: number }[] }>(
    `SELECT (value #>> '{}')::int AS g FROM store_meta WHERE key = 'generation'`,
  );
  const generation = rows[0]?.g ?? 1;
  const records: Record<EventFamilyName, number> = { atlan: 0, atlas: 0, atomic: 0 };
  const envCounts = new Map<string, number>();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SET TIME ZONE 'UTC'");
    for (const family of ['atlan', 'atlas', 'atomic'] as const) {
      records[family] = await copyFamily(
        client,
        tenant,
        generation,
        family,
        files[family],
        envCounts,
      );
      log(`copied ${records[family]} ${family} records`);
    }
  } finally {
    await client.end();
  }
  await db.raw(APPROXIMATE_STATE, [tenant]);
  const stored = records.atlan + records.atlas + records.atomic;
  const seconds = (performance.now() - started) / 1000;
  return {
    records,
    stored,
    duplicates: 0,
    environments: [...envCounts.entries()].sort((a, b) => b[1] - a[1]).map(([e]) => e),
    seconds: Math.round(seconds * 10) / 10,
    eventsPerSecond: Math.round(stored / seconds),
  };
}

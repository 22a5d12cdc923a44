/**
 * Loads a generated dataset through the store's own write path (`ingestBatch`): the same rows,
 * derived purge events and entity state the ingest API writes, without HTTP in between. Families
 * load one after the other (Atlan first, so Atlas purges fold onto existing entities); batches of
 * one family run two at a time, and ingestBatch retries the rare entity-lock deadlock itself.
 */
import { ingestBatch, type IngestBatchRecords } from '@audit-gateway/store';
import type { Knex } from 'knex';
import type { DatasetFiles, EventFamilyName } from './findDatasetFiles';
import { readNdjsonBatches, type JsonRecord } from './readNdjson';
import { toAtlanRecord, toAtlasEntry, toAtomicEntry } from './toStoreRecords';

export interface LoadResult {
  readonly records: Readonly<Record<EventFamilyName, number>>;
  readonly stored: number;
  readonly duplicates: number;
  /** Atomic environments seen, most records first */
  readonly environments: readonly string[];
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

const BATCH = 2000;
const CONCURRENCY = 2;

const TO_BATCH: Record<EventFamilyName, (rs: JsonRecord[]) => IngestBatchRecords> = {
  atlan: (rs) => ({ kind: 'atlan', records: rs.map(toAtlanRecord) }),
  atlas: (rs) => ({ kind: 'atlas', records: rs.map(toAtlasEntry) }),
  atomic: (rs) => ({ kind: 'atomic', records: rs.map(toAtomicEntry) }),
};

export async function loadDataset(
  db: Knex,
  tenant: string,
  files: DatasetFiles,
  log: (line: string) => void,
): Promise<LoadResult> {
  const started = performance.now();
  const records: Record<EventFamilyName, number> = { atlan: 0, atlas: 0, atomic: 0 };
  const envCounts = new Map<string, number>();
  let stored = 0;
  let duplicates = 0;
  for (const family of ['atlan', 'atlas', 'atomic'] as const) {
    const inFlight = new Set<Promise<void>>();
    for await (const raw of readNdjsonBatches(files[family], BATCH)) {
      if (family === 'atomic')
        for (const r of raw) {
          const env = String(r.environmentId);
          envCounts.set(env, (envCounts.get(env) ?? 0) + 1);
        }
      const batch = TO_BATCH[family](raw);
      records[family] += raw.length;
      const p: Promise<void> = ingestBatch(db, { tenant, batch }).then((outcome) => {
        if (outcome.kind !== 'stored') throw new Error(`load: unexpected outcome ${outcome.kind}`);
        stored += outcome.counts.ingested + outcome.derivedEvents;
        duplicates += outcome.counts.duplicates;
        inFlight.delete(p);
      });
      inFlight.add(p);
      if (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    // fresh statistics before the next family: the Atlas purge derivation looks entity events up
    // per purged guid, and planned against an unanalysed table that lookup took minutes
    await db.raw('ANALYZE audit_events');
    await db.raw('ANALYZE entities');
    log(`loaded ${records[family]} ${family} records`);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    records,
    stored,
    duplicates,
    environments: [...envCounts.entries()].sort((a, b) => b[1] - a[1]).map(([e]) => e),
    seconds: Math.round(seconds * 10) / 10,
    eventsPerSecond: Math.round(stored / seconds),
  };
}

/**
 * The event part of a batch (spec/ingest.md §4.1 step 13): the records in request order with
 * natural-id deduplication, then the derived ENTITY_PURGE events, then the entity state.
 */
import type { Knex } from 'knex';
import { applyEntityState } from './applyEntityState';
import { derivePurgeEvents } from './derivePurgeEvents';
import type { FoldEvent } from './entityState';
import type { EventRow } from './eventColumns';
import type { AtlanRecord, IngestBatchRecords, IngestCounts } from './ingestTypes';
import { insertEvents, type EventFamily } from './insertEvents';
import { atlanNaturalKey } from './naturalKeys';
import { atlanEventRow, atlasEventRow, atomicEventRow } from './toEventRows';

export interface EventBatchResult {
  readonly counts: IngestCounts;
  readonly derivedEvents: number;
}

type EventBatch = Extract<IngestBatchRecords, { kind: 'atlan' | 'atlas' | 'atomic' }>;

/** Rows in request order, the first of each natural key only; later repeats are duplicates. */
function distinctRows<T>(items: readonly T[], toRow: (item: T) => EventRow): [EventRow, T][] {
  const seen = new Set<string>();
  const out: [EventRow, T][] = [];
  for (const item of items) {
    const row = toRow(item);
    if (seen.has(row.natural_key)) continue;
    seen.add(row.natural_key);
    out.push([row, item]);
  }
  return out;
}

function foldEvent(r: AtlanRecord, seq: string): FoldEvent {
  return { ...r, seq: BigInt(seq) };
}

function addEvent(map: Map<string, FoldEvent[]>, e: FoldEvent): void {
  const list = map.get(e.entityId);
  if (list) list.push(e);
  else map.set(e.entityId, [e]);
}

async function write<T>(
  trx: Knex.Transaction,
  base: { tenant: string; family: EventFamily; generation: number },
  pairs: [EventRow, T][],
): Promise<{ stored: [T, string][] }> {
  const inserted = await insertEvents(trx, { ...base, rows: pairs.map(([row]) => row) });
  const stored: [T, string][] = [];
  for (const [row, item] of pairs) {
    const seq = inserted.get(row.natural_key);
    if (seq !== undefined) stored.push([item, seq]);
  }
  return { stored };
}

export async function writeEventBatch(
  trx: Knex.Transaction,
  tenant: string,
  generation: number,
  batch: EventBatch,
): Promise<EventBatchResult> {
  const total = batch.records.length;
  const counts = (n: number): IngestCounts => ({ ingested: n, duplicates: total - n });
  switch (batch.kind) {
    case 'atomic': {
      const pairs = distinctRows(batch.records, atomicEventRow);
      const { stored } = await write(trx, { tenant, family: 'request', generation }, pairs);
      return { counts: counts(stored.length), derivedEvents: 0 };
    }
    case 'atlan': {
      const pairs = distinctRows(batch.records, (r) => atlanEventRow(r, atlanNaturalKey(r)));
      const { stored } = await write(trx, { tenant, family: 'entity', generation }, pairs);
      const newEvents = new Map<string, FoldEvent[]>();
      for (const [r, seq] of stored) addEvent(newEvents, foldEvent(r, seq));
      await applyEntityState(trx, tenant, { newEvents, headerChanged: new Set() });
      return { counts: counts(stored.length), derivedEvents: 0 };
    }
    case 'atlas': {
      const pairs = distinctRows(batch.records, atlasEventRow);
      const { stored } = await write(trx, { tenant, family: 'admin', generation }, pairs);
      const derived = await derivePurgeEvents(
        trx,
        tenant,
        stored.map(([e]) => e),
      );
      const derivedPairs = distinctRows(derived, (d) => atlanEventRow(d.record, d.naturalKey));
      const written = await write(trx, { tenant, family: 'entity', generation }, derivedPairs);
      const newEvents = new Map<string, FoldEvent[]>();
      for (const [d, seq] of written.stored) addEvent(newEvents, foldEvent(d.record, seq));
      await applyEntityState(trx, tenant, { newEvents, headerChanged: new Set() });
      return { counts: counts(stored.length), derivedEvents: written.stored.length };
    }
  }
}
